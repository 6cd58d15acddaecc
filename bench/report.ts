import type { ColdLoadResult } from "./coldLoad";
import type { TypingResult } from "./concurrentTyping";
import type { MemoryResult } from "./serverMemory";
import type { Summary } from "./stats";

export interface ServerResults {
  name: string;
  latency: Record<number, Summary>;
  typing: Record<number, TypingResult>;
  memory: MemoryResult;
  coldLoad: ColdLoadResult;
}

export interface BenchResults {
  quick: boolean;
  date: string;
  machine: string;
  plan: Record<string, unknown>;
  servers: ServerResults[];
  browser: { shortDocument: Summary | null; longDocument: Summary | null };
  bundle: { jsGzipBytes: number; cssGzipBytes: number };
  seconds?: number;
}

type Row = [metric: string, cowrite: string, memory: string, leveldb: string, ratio: string];

const ms = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value.toFixed(2)} ms`;
const mib = (bytes: number | null | undefined) => (bytes == null ? "–" : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const kb = (bytes: number | null | undefined) => (bytes == null ? "–" : `${(bytes / 1000).toFixed(1)} kB`);
const ratio = (ours: number | null | undefined, theirs: number | null | undefined) =>
  ours == null || theirs == null || !theirs ? "–" : `${(ours / theirs).toFixed(2)}×`;

/** Every figure, Cowrite beside the reference server in memory and with LevelDB, and Cowrite ÷ LevelDB. */
export function rows(results: BenchResults): Row[] {
  const [cowrite, memory, leveldb] = results.servers;
  if (!cowrite || !memory || !leveldb) return [];
  const table: Row[] = [];
  const each = (
    metric: string,
    pick: (server: ServerResults) => number | null | undefined,
    format: (value: number | null | undefined) => string,
  ) =>
    table.push([
      metric,
      format(pick(cowrite)),
      format(pick(memory)),
      format(pick(leveldb)),
      ratio(pick(cowrite), pick(leveldb)),
    ]);

  for (const editors of Object.keys(cowrite.latency).map(Number)) {
    for (const stat of ["p50", "p95", "p99"] as const) {
      each(`edit latency, ${editors} editors, ${stat}`, (server) => server.latency[editors]?.[stat], ms);
    }
  }
  for (const editors of Object.keys(cowrite.typing).map(Number)) {
    for (const stat of ["p50", "p99"] as const) {
      each(
        `concurrent typing, ${editors} editors, delivery ${stat}`,
        (server) => server.typing[editors]?.delivery[stat],
        ms,
      );
    }
    table.push([
      `concurrent typing, ${editors} editors, all copies identical`,
      ...[cowrite, memory, leveldb].map((server) => (server.typing[editors]?.converged ? "yes" : "NO")),
      "",
    ] as Row);
  }
  const history = `${cowrite.coldLoad.transactions} transactions, ${kb(cowrite.coldLoad.textBytes)}`;
  each(`cold load (${history}), server warm`, (server) => server.coldLoad.warmMs, ms);
  each(`cold load (${history}), after restart`, (server) => server.coldLoad.afterRestartMs, ms);
  table.push([
    "cold load after restart, content identical",
    ...[cowrite, memory, leveldb].map((server) =>
      server.coldLoad.identicalAfterRestart == null
        ? "n/a (keeps nothing)"
        : server.coldLoad.identicalAfterRestart
          ? "yes"
          : "NO",
    ),
    "",
  ] as Row);
  const rooms = `${(results.plan.rooms as number) ?? "?"} rooms × 5 clients`;
  each("server memory, idle", (server) => server.memory.idleBytes, mib);
  each(`server memory, ${rooms}`, (server) => server.memory.loadedBytes, mib);
  each(`server memory added by ${rooms}`, (server) => server.memory.loadedBytes - server.memory.idleBytes, mib);
  each("bytes on disk for that document", (server) => server.coldLoad.storedBytes || null, kb);
  each("Y.encodeStateAsUpdate of the same document", (server) => server.coldLoad.encodedStateBytes, kb);
  const browser = (label: string, summary: Summary | null) => {
    for (const stat of ["p50", "p95"] as const)
      table.push([`keystroke to paint in another browser, ${label}, ${stat}`, ms(summary?.[stat]), "", "", ""]);
  };
  browser("short document", results.browser.shortDocument);
  browser(`~${(results.plan.longPages as number) ?? "?"}-page document`, results.browser.longDocument);
  table.push(["app bundle, JavaScript gzipped", kb(results.bundle.jsGzipBytes), "", "", ""]);
  table.push(["app bundle, CSS gzipped", kb(results.bundle.cssGzipBytes), "", "", ""]);
  return table;
}

const HEADER: Row = [
  "metric",
  "Cowrite",
  "y-websocket-server (memory)",
  "y-websocket-server + LevelDB",
  "Cowrite ÷ LevelDB",
];

export function printTable(results: BenchResults): void {
  const table = [HEADER, ...rows(results)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
  console.log(`\n${results.machine}; ${results.seconds ?? "?"} s${results.quick ? " (--quick)" : ""}`);
}

export function resultsMarkdown(results: BenchResults): string {
  const line = (row: Row) => `| ${row.join(" | ")} |`;
  return [
    "# Benchmark results",
    "",
    `Latest full run of \`npm run bench\`, ${results.date.slice(0, 10)}, on ${results.machine}.`,
    `It took ${results.seconds ?? "?"} s. Every server ran on 127.0.0.1; the clients were headless Node Yjs clients`,
    "(y-websocket's provider, the same for every server) in one process, and Chromium for the browser rows.",
    "",
    line(HEADER),
    line(HEADER.map(() => "---") as Row),
    ...rows(results).map(line),
    "",
    "## What the figures include",
    "",
    "- **Edit latency**: one writer at a time inserts a character; a sample is the time until every other",
    "  client has it. Every server first gets the same unmeasured warm-up (1,500 edits). All clients run in one Node",
    "  process, so with 50 editors the client side's own work is part of every figure, equally for every server.",
    "- **Variance**: on this shared two-core machine, figures below a millisecond move by 20–50 % from",
    "  run to run, and runs without the warm-up put Cowrite at 1.1–2× the reference at p50. Compare",
    "  the ratios within one run.",
    "- **Concurrent typing**: every editor inserts about five characters a second; a sample is one",
    "  keystroke reaching one other editor. The check that all copies are identical runs at the end.",
    "- **Cold load**: a document built from many small transactions, then the time until a newcomer",
    "  has all of it (not only the first sync message: the reference server answers before its LevelDB",
    '  load is done). "After restart" kills the server and starts it on the same storage.',
    "- **Server memory**: the resident memory of every process the server runs. For Cowrite that is",
    "  the whole `partykit dev` group: the PartyKit CLI (Node, esbuild, miniflare) as well as workerd,",
    '  most of it development tooling that a deployment does not run. The row "added by" compares',
    "  what the rooms themselves cost.",
    "- **Bytes on disk**: Cowrite's local storage is workerd's SQLite database. SQLite keeps freed",
    "  pages and its write-ahead log, so this is far above the document's own size. Compaction leaves",
    "  one snapshot of about the size of `Y.encodeStateAsUpdate`. The LevelDB figure is its directory.",
    "- **Keystroke to paint**: keydown in one Chromium window against the first animation frame after",
    "  the other window's document grew. Both clocks are the same machine's.",
    "",
  ].join("\n");
}

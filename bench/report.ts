import type { BrowserLatencyResult } from "./browserLatency";
import type { BundleSizes } from "./bundleSize";
import type { ColdLoadResult } from "./coldLoad";
import type { CompactionLatencyResult } from "./compactionLatency";
import type { CrowdedRoomResult } from "./crowdedRoom";
import type { TypingResult } from "./concurrentTyping";
import type { AuthorsShownResult } from "./authorsShown";
import type { HistoryTimesResult } from "./historyTimes";
import type { LongSessionResult } from "./longSession";
import type { LoadTimes, PageLoadResult } from "./pageLoad";
import type { MemoryResult } from "./serverMemory";
import type { Summary } from "./stats";
import type { StorageWritesResult } from "./storageWrites";
import type { TabHeapResult } from "./tabHeap";

export interface ServerResults {
  name: string;
  latency: Record<number, Summary>;
  typing: Record<number, TypingResult>;
  /** Null for a server that does not count its writes. */
  storageWrites: Record<number, StorageWritesResult | null>;
  memory: MemoryResult;
  crowdedRoom: CrowdedRoomResult;
  coldLoad: ColdLoadResult;
  /** Null for a server that keeps nothing. */
  longSession: LongSessionResult | null;
  /** What the server printed as errors during the run; null where its output is not read. */
  errors: string[] | null;
}

export interface BenchResults {
  quick: boolean;
  date: string;
  machine: string;
  plan: Record<string, unknown>;
  /** The machine's one-minute load average as the run started and ended: other work shares it. */
  loadAverage: { start: number; end: number };
  servers: ServerResults[];
  browser: {
    shortDocument: BrowserLatencyResult | null;
    longDocument: BrowserLatencyResult | null;
    /** The long document with five collaborators typing elsewhere in it. */
    busyDocument: BrowserLatencyResult | null;
  };
  /** Cowrite's alone. */
  compaction: CompactionLatencyResult | null;
  /** Cowrite's alone: its version history's goals. */
  history: HistoryTimesResult | null;
  /** Cowrite's alone: "Show authors" on a long document. */
  authors: AuthorsShownResult | null;
  /** Cowrite's alone: a long document opened in Chromium. */
  load: PageLoadResult | null;
  /** Cowrite's alone: one tab's JS heap through a session with five collaborators. */
  tabHeap: TabHeapResult | null;
  bundle: BundleSizes;
  seconds?: number;
}

type Row = [metric: string, cowrite: string, memory: string, leveldb: string, ratio: string];

const ms = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value.toFixed(2)} ms`;
const mib = (bytes: number | null | undefined) => (bytes == null ? "–" : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const kb = (bytes: number | null | undefined) => (bytes == null ? "–" : `${(bytes / 1000).toFixed(1)} kB`);
const microseconds = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value.toFixed(1)} µs`;
const perSecond = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value.toFixed(1)} /s`;
const percent = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value.toFixed(0)} %`;
const count = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : Math.round(value).toLocaleString("en-US");
const seconds = (milliseconds: number | null | undefined) =>
  milliseconds == null ? "–" : `${(milliseconds / 1000).toFixed(1)} s`;
const yesNo = (value: boolean | null | undefined, missing: string) => (value == null ? missing : value ? "yes" : "NO");
/** A figure against its goal, as "12.00 ms (goal: under 300 ms, met)". */
const goal = (value: number, limit: number) =>
  `${ms(value)} (goal: under ${limit} ms, ${value < limit ? "met" : "NOT met"})`;
/** A keystroke-to-paint figure; the p95 against the goal of one frame at 60 Hz. */
const typedGoal = (value: number | undefined, stat: "p50" | "p95") =>
  value === undefined ? "–" : stat === "p95" ? goal(value, 16) : ms(value);
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
  for (const editors of Object.keys(cowrite.storageWrites).map(Number)) {
    const writes = (server: ServerResults) => server.storageWrites[editors];
    each(
      `storage writes per minute, one room, concurrent typing, ${editors} editors`,
      (server) => writes(server)?.writesPerMinute,
      count,
    );
    for (const stat of ["p50", "p99"] as const) {
      each(
        `relay to disk, concurrent typing, ${editors} editors, ${stat}`,
        (server) => writes(server)?.lagMs[stat],
        ms,
      );
    }
    each(
      `failed storage writes, concurrent typing, ${editors} editors`,
      (server) => writes(server)?.failedWrites,
      count,
    );
  }
  const { people, typing } = cowrite.crowdedRoom;
  const crowd = `${people} people in one room, ${typing} typing`;
  const crowded = (server: ServerResults) => server.crowdedRoom;
  for (const stat of ["p50", "p99"] as const) {
    each(`${crowd}: keystroke delivery, ${stat}`, (server) => crowded(server).delivery[stat], ms);
  }
  each(
    `${crowd}: presence messages to each idle person`,
    (server) => crowded(server).presenceFramesPerSecond,
    perSecond,
  );
  each(`${crowd}: all messages to each idle person`, (server) => crowded(server).framesPerSecond, perSecond);
  each(`${crowd}: bytes to each idle person, per second`, (server) => crowded(server).bytesPerSecond, kb);
  each(
    `${crowd}: server CPU, share of one core (workerd alone for Cowrite)`,
    (server) => crowded(server).cpuShare * 100,
    percent,
  );
  each(`${crowd}: server CPU per message delivered`, (server) => crowded(server).cpuMicrosecondsPerFrame, microseconds);
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
  const session = cowrite.longSession ?? leveldb.longSession;
  if (session) {
    const label = `long session (${count(session.edits)} edits, 5 writers + 1 idle reader)`;
    const long = (server: ServerResults) => server.longSession;
    each(`${label}, time to make them`, (server) => long(server)?.editMs, seconds);
    each(`${label}, storage settled after the last edit`, (server) => long(server)?.settleMs, seconds);
    each(`${label}, stored entries (keys)`, (server) => long(server)?.storedEntries, count);
    each(`${label}, stored bytes (sum of values)`, (server) => long(server)?.storedBytes, kb);
    each(`${label}, Y.encodeStateAsUpdate`, (server) => long(server)?.encodedStateBytes, kb);
    each(`${label}, folds while it ran`, (server) => long(server)?.storage?.folds, count);
    each(`${label}, relay to disk p99 (its last 10,000 updates)`, (server) => long(server)?.storage?.lagMs.p99, ms);
    each(`${label}, cold load after SIGKILL`, (server) => long(server)?.coldLoadMs, ms);
    table.push([
      `${label}, content identical after SIGKILL`,
      ...[cowrite, memory, leveldb].map((server) => yesNo(long(server)?.identical, "n/a (keeps nothing)")),
      "",
    ] as Row);
  }
  table.push(...compactionRows(results.compaction));
  table.push(...historyRows(results.history));
  if (results.authors) {
    const { pages, showMs } = results.authors;
    table.push([
      `"Show authors" shown, ~${pages}-page document by three authors, median of 5`,
      goal(showMs, 300),
      "",
      "",
      "",
    ]);
  }
  const rooms = `${(results.plan.rooms as number) ?? "?"} rooms × 5 clients`;
  each("server memory, idle", (server) => server.memory.idleBytes, mib);
  each(`server memory, ${rooms}`, (server) => server.memory.loadedBytes, mib);
  each(`server memory added by ${rooms}`, (server) => server.memory.loadedBytes - server.memory.idleBytes, mib);
  const roomCount = (results.plan.rooms as number) ?? 1;
  each(
    "runtime memory added per room (workerd alone for Cowrite)",
    (server) => (server.memory.loadedRuntimeBytes - server.memory.idleRuntimeBytes) / roomCount,
    kb,
  );
  each("bytes on disk for that document", (server) => server.coldLoad.storedBytes || null, kb);
  each("Y.encodeStateAsUpdate of the same document", (server) => server.coldLoad.encodedStateBytes, kb);
  each("errors in the server's log during the run", (server) => server.errors?.length, count);
  const longPages = `~${(results.plan.longPages as number) ?? "?"}-page document`;
  const browser = (label: string, typed: BrowserLatencyResult | null) => {
    for (const stat of ["p50", "p95"] as const) {
      table.push([
        `keystroke to paint in another browser, ${label}, ${stat}`,
        typedGoal(typed?.remote[stat], stat),
        "",
        "",
        "",
      ]);
    }
    for (const stat of ["p50", "p95"] as const) {
      table.push([
        `keystroke to paint in its own window, ${label}, ${stat}`,
        typedGoal(typed?.own[stat], stat),
        "",
        "",
        "",
      ]);
    }
    const longTasks = typed ? `${typed.longTasks.count} (longest ${ms(typed.longTasks.maxMs)})` : "–";
    table.push([`tasks over 50 ms in either window while typing, ${label}`, longTasks, "", "", ""]);
  };
  browser("short document", results.browser.shortDocument);
  browser(longPages, results.browser.longDocument);
  browser(`${longPages}, 5 collaborators typing elsewhere`, results.browser.busyDocument);
  if (results.load) {
    const { pages, runs } = results.load;
    const visit = (label: string, times: LoadTimes, limit: number) => {
      table.push([
        `~${pages}-page document, ${label}: whole text shown, median of ${runs}`,
        ms(times.contentMs),
        "",
        "",
        "",
      ]);
      table.push([`~${pages}-page document, ${label}: a typed key taken`, goal(times.editableMs, limit), "", "", ""]);
    };
    visit("first visit", results.load.firstVisit, 500);
    visit("later visit, from the device copy", results.load.laterVisit, 300);
    visit("later visit, offline", results.load.laterVisitOffline, 300);
  }
  table.push(...tabHeapRows(results.tabHeap));
  table.push(["app JavaScript before a document shows, gzipped", kb(results.bundle.documentJsGzipBytes), "", "", ""]);
  table.push(["app JavaScript before the home page shows, gzipped", kb(results.bundle.homeJsGzipBytes), "", "", ""]);
  table.push(["app JavaScript in all, gzipped", kb(results.bundle.allJsGzipBytes), "", "", ""]);
  table.push(["app CSS, gzipped", kb(results.bundle.cssGzipBytes), "", "", ""]);
  return table;
}

/** Cowrite's alone: a tab's JS heap every ten simulated minutes, and how much it grew after the first ten. */
function tabHeapRows(heap: TabHeapResult | null): Row[] {
  if (!heap) return [];
  const label = `one tab, 5 collaborators typing (${count(heap.keystrokes)} keys in ${heap.simulatedMinutes} simulated minutes)`;
  const first = heap.heapBytes[0];
  const settled = heap.heapBytes[1];
  const last = heap.heapBytes.at(-1);
  const rows: Row[] = [
    [`${label}: JS heap after a forced collection, at the start`, mib(first), "", "", ""],
    [`${label}: JS heap after ten simulated minutes`, mib(settled), "", "", ""],
    [`${label}: JS heap at the end`, mib(last), "", "", ""],
  ];
  if (settled !== undefined && last !== undefined && heap.simulatedMinutes > 10) {
    const perHour = ((last - settled) / (heap.simulatedMinutes - 10)) * 60;
    rows.push([`${label}: JS heap growth after the first ten minutes, per hour`, mib(perHour), "", "", ""]);
  }
  return rows;
}

/** Cowrite's alone: its version history against the goals of its issue. */
function historyRows(history: HistoryTimesResult | null): Row[] {
  if (!history) return [];
  return [
    [
      `history list of ${history.versions} versions (GET ?versions), median of 11`,
      goal(history.listMs, 200),
      "",
      "",
      "",
    ],
    [`history diff shown, ~${history.pages}-page document, in the browser`, goal(history.diffMs, 500), "", "", ""],
    [`restore of a ~${history.pages}-page document, seen by a collaborator`, goal(history.restoreMs, 1000), "", "", ""],
  ];
}

/** Cowrite's alone: edit latency with a ~4.8 MB document, idle and while it is folded every second. */
function compactionRows(compaction: CompactionLatencyResult | null): Row[] {
  if (!compaction) return [];
  const { idle, compacting } = compaction;
  const size = `${(compaction.documentBytes / 1e6).toFixed(1)} MB document`;
  const during = `folded every second (${compacting.folds} folds in ${seconds(compacting.windowMs)})`;
  const times = compacting.latency.p99 / idle.latency.p99;
  const cowriteOnly = (metric: string, value: string): Row => [metric, value, "", "", ""];
  return [
    ...(["p50", "p99", "max"] as const).map((stat) =>
      cowriteOnly(`edit latency, ${size}, idle (${idle.folds} folds), ${stat}`, ms(idle.latency[stat])),
    ),
    ...(["p50", "p99", "max"] as const).map((stat) =>
      cowriteOnly(`edit latency, ${size}, ${during}, ${stat}`, ms(compacting.latency[stat])),
    ),
    cowriteOnly(
      `edit latency p99 while folding ÷ idle (goal: at most 2×)`,
      `${times.toFixed(2)}×${compacting.folds === 0 ? ", NO folds happened" : times <= 2 ? ", met" : ", NOT met"}`,
    ),
    cowriteOnly(
      `Y.encodeStateAsUpdate of that document, in Node, median (max) of 11`,
      `${ms(compaction.encodeStateMs.median)} (${ms(compaction.encodeStateMs.max)})`,
    ),
    cowriteOnly(
      `errors in the log of the server that folded every second`,
      count(compaction.foldingServerErrors?.length),
    ),
  ];
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
  const load = `load average ${results.loadAverage.start.toFixed(1)} → ${results.loadAverage.end.toFixed(1)}`;
  console.log(`\n${results.machine}; ${load}; ${results.seconds ?? "?"} s${results.quick ? " (--quick)" : ""}`);
}

export function resultsMarkdown(results: BenchResults): string {
  const line = (row: Row) => `| ${row.join(" | ")} |`;
  return [
    "# Benchmark results",
    "",
    `Latest full run of \`npm run bench\`, ${results.date.slice(0, 10)}, on ${results.machine}.`,
    `It took ${results.seconds ?? "?"} s. Every server ran on 127.0.0.1; the clients were headless Node Yjs clients`,
    "(y-websocket's provider, the same for every server) in one process, and Chromium for the browser rows.",
    `The machine's one-minute load average was ${results.loadAverage.start.toFixed(1)} as the run started and ${results.loadAverage.end.toFixed(1)} as it`,
    "ended: other work shared its two cores, so tails (p99, max) carry that work's noise too.",
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
    "- **100 people in one room**: 10 headless editors type about five characters a second into one",
    "  paragraph and move their caret with each key, as the editor does; 90 people have the document",
    "  open and do nothing. Five of those run a whole Yjs client and, with the typists, time every",
    "  keystroke; the other 85 are bare sockets that count what reaches them (per second of the window,",
    "  from the first key until every copy has every key). Server CPU is the user and system time of",
    "  the process that runs the rooms (workerd for Cowrite, not `partykit dev`'s tooling), over that",
    "  window; per message, divided by every message delivered (each idle person's count × people).",
    "- **Cold load**: a document built from many small transactions, then the time until a newcomer",
    "  has all of it (not only the first sync message: the reference server answers before its LevelDB",
    '  load is done). "After restart" kills the server and starts it on the same storage.',
    "- **Server memory**: the resident memory of every process the server runs. For Cowrite that is",
    "  the whole `partykit dev` group: the PartyKit CLI (Node, esbuild, miniflare) as well as workerd,",
    '  most of it development tooling that a deployment does not run. The row "added by" compares',
    '  what the rooms themselves cost; "runtime memory added per room" counts workerd alone (the',
    "  reference's one Node process), divided by the rooms. Resident memory moves with when each",
    "  runtime last collected garbage: compare it across runs, not to the kilobyte.",
    "- **Bytes on disk**: Cowrite's local storage is workerd's SQLite database. SQLite keeps freed",
    "  pages and its write-ahead log, so this is far above the document's own size. Compaction leaves",
    "  one snapshot of about the size of `Y.encodeStateAsUpdate`. The LevelDB figure is its directory.",
    "- **Storage writes**: Cowrite's room counts its successful writes of the update log (`writes` at",
    "  `<room>/storage`, served when the server runs with `COWRITE_STORAGE_STATS=1`), read as the",
    "  concurrent typing starts and once every editor has every keystroke: per minute of that window. A",
    "  write holds all that arrived since the one before, at most one per `COWRITE_WRITE_INTERVAL_MS`",
    "  (50 ms), one at a time. Relay to disk: from an update reaching the server to its write being on",
    "  disk. The reference servers count nothing of the kind (–); with LevelDB, every update is its own entry.",
    "- **Long session**: five writers type words (a transaction each, 20 at one place, then a jump to a",
    "  random place in one of 20 paragraphs), all at once, in bursts of 50 that each writer waits to see",
    "  reach an idle reader who stays connected throughout, so the room never empties. Stored entries and",
    "  bytes: for Cowrite every key of the room and the sum of its snapshot and log values (not SQLite's",
    "  overhead, see below); for LevelDB the keys naming the document and their values, read from a copy",
    "  of its directory. Then SIGKILL on the server's process group with the clients still connected",
    "  (they do not reconnect), a restart on the same storage, and a newcomer's time until the whole body",
    "  has arrived; it must equal the reader's.",
    "- **Edit latency with a 4.8 MB document**: six paragraphs of 800,000 characters (each sent in one",
    "  message under the 1 MiB frame limit; the document stays under the 5,000,000-byte limit). Its",
    "  writer leaves, the emptied room folds it into one snapshot, and a holder loads it from there and",
    "  keeps the room open. Two editors take turns adding a character to its short first paragraph and",
    "  pause 20 ms after each has arrived (back to back, a whole measurement would fit between two",
    "  folds). Idle: the main server, whose default policy does not fold again within the run. Folded",
    "  every second: a second Cowrite server started with `COWRITE_FOLD_AFTER_ENTRIES=5` and",
    "  `COWRITE_FOLD_INTERVAL_MS=1000`, after the same warm-up. The two take turns, five blocks each,",
    "  so the machine's other work falls on both alike; after each folding block the next idle one",
    "  waits until that server's fold is over. Fold counts are the rooms' own, read at both ends of",
    "  every block. The folds here write what the edits added since the snapshot as one log entry,",
    "  encoded against the snapshot's state vector (a few kB). A fold that writes a whole new snapshot",
    "  (when that entry passes a quarter of the snapshot, or the room empties) encodes all 4.8 MB and",
    "  writes about 37 values of 128 KiB, two to a step with a turn of the event loop between; it is",
    "  not measured here.",
    "- **A tab's heap over a session**: one Chromium tab on a ~10-page document while five headless",
    "  collaborators each type a key a second (time compressed 20×) into paragraphs of their own, emptied",
    "  at 300 characters (each who leaves leaves at most that), their carets moving with every key; every ten",
    "  simulated minutes one leaves and someone new joins, and every minute the tab's own person types",
    "  and deletes a few words. The heap is V8's used size (`Runtime.getHeapUsage`) right after",
    "  `HeapProfiler.collectGarbage`, read every ten simulated minutes.",
    "- **Keystroke to paint**: keydown in one Chromium window against the first animation frame after",
    "  the other window's document grew at its end, and after its own did. Both clocks are the same",
    "  machine's. With 5 collaborators: five headless clients type about five keys a second each into",
    "  paragraphs of their own in the middle of the document, moving their carets with every key.",
    "  Long tasks are the Long Tasks API's, in both windows, while the measured keys were typed.",
    "",
  ].join("\n");
}

import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { authorsShown } from "./authorsShown";
import { browserLatency } from "./browserLatency";
import { bundleSize } from "./bundleSize";
import { coldLoad } from "./coldLoad";
import { compactionLatency } from "./compactionLatency";
import { crowdedRoom } from "./crowdedRoom";
import { editLatency } from "./editLatency";
import { historyTimes } from "./historyTimes";
import { longSession } from "./longSession";
import { pageLoad } from "./pageLoad";
import { type BenchResults, printTable, resultsMarkdown, type ServerResults } from "./report";
import { serverMemory } from "./serverMemory";
import { type BenchServer, startCowrite, startReference } from "./servers";
import { storageWrites } from "./storageWrites";
import { tabHeap } from "./tabHeap";

const quick = process.argv.includes("--quick");
// Each y-websocket provider in Node adds a process "exit" listener; 50 editors are expected.
process.setMaxListeners(0);
const ROOT = join(import.meta.dirname, "..");

// Sizes: the full run takes about ten minutes on two cores, --quick about two.
const PLAN = quick
  ? {
      warmupEdits: 300,
      editors: [2, 10],
      edits: 40,
      typingEditors: [2, 10],
      typingMs: 4_000,
      transactions: 5_000,
      rooms: 5,
      crowdMs: 5_000,
      heapMinutes: 10,
      keystrokes: 15,
      longPages: 20,
      loadRuns: 3,
      longSessionEdits: 10_000,
      compactionEdits: 150,
    }
  : {
      warmupEdits: 1500,
      editors: [2, 10, 50],
      edits: 200,
      typingEditors: [2, 10, 50],
      typingMs: 20_000,
      transactions: 20_000,
      rooms: 20,
      crowdMs: 20_000,
      heapMinutes: 60,
      keystrokes: 60,
      longPages: 100,
      loadRuns: 9,
      longSessionEdits: 100_000,
      compactionEdits: 400,
    };

/** The server's errors, also printed here, so that a run shows them as they come. */
function reportErrors(server: BenchServer): string[] | null {
  const errors = server.errors();
  if (errors?.length) console.log(`  ${server.name} printed ${errors.length} errors:\n    ${errors.join("\n    ")}`);
  return errors;
}

async function measure(server: BenchServer): Promise<Omit<ServerResults, "errors">> {
  // The same warm-up for every server, not measured: V8 and workerd compile hot paths on first
  // use, and a server in use has long since done so (Cowrite's p50 settles after ~1,500 edits).
  await editLatency(server, 2, PLAN.warmupEdits);
  const latency: ServerResults["latency"] = {};
  for (const editors of PLAN.editors) {
    latency[editors] = await editLatency(server, editors, Math.max(PLAN.edits, editors * 2));
    console.log(`  ${server.name}: edit latency, ${editors} editors: p50 ${latency[editors]?.p50.toFixed(2)} ms`);
  }
  const typing: ServerResults["typing"] = {};
  const writes: ServerResults["storageWrites"] = {};
  for (const editors of PLAN.typingEditors) {
    const typed = await storageWrites(server, editors, PLAN.typingMs);
    typing[editors] = typed.typing;
    writes[editors] = typed.writes;
    console.log(`  ${server.name}: concurrent typing, ${editors} editors done`);
  }
  const memory = await serverMemory(server, PLAN.rooms, 5);
  console.log(`  ${server.name}: memory done`);
  const crowd = await crowdedRoom(server, 100, 10, PLAN.crowdMs);
  console.log(`  ${server.name}: 100 people in one room done`);
  const load = await coldLoad(server, PLAN.transactions);
  console.log(`  ${server.name}: cold load done`);
  const session = server.persists ? await longSession(server, PLAN.longSessionEdits) : null;
  if (session) console.log(`  ${server.name}: long session done`);
  return {
    name: server.name,
    latency,
    typing,
    storageWrites: writes,
    memory,
    crowdedRoom: crowd,
    coldLoad: load,
    longSession: session,
  };
}

async function main() {
  const started = Date.now();
  const results: BenchResults = {
    quick,
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    plan: PLAN,
    loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
    servers: [],
    browser: { shortDocument: null, longDocument: null, busyDocument: null },
    compaction: null,
    history: null,
    authors: null,
    load: null,
    tabHeap: null,
    bundle: await bundleSize(join(ROOT, "dist")),
  };
  const starters = [
    startCowrite,
    () => startReference({ persisted: false }),
    () => startReference({ persisted: true }),
  ];
  for (const start of starters) {
    const server = await start();
    try {
      console.log(`Measuring ${server.name}…`);
      const measured = await measure(server);
      if (server.name === "Cowrite") {
        const baseUrl = server.wsUrl.replace(/^ws/, "http").replace(/\/parties\/main$/, "");
        results.browser.shortDocument = await browserLatency(baseUrl, 0, PLAN.keystrokes);
        results.browser.longDocument = await browserLatency(baseUrl, PLAN.longPages, PLAN.keystrokes);
        results.browser.busyDocument = await browserLatency(baseUrl, PLAN.longPages, PLAN.keystrokes, {
          server,
          count: 5,
        });
        console.log("  Cowrite: browser latency done");
        results.load = await pageLoad(baseUrl, PLAN.longPages, PLAN.loadRuns);
        console.log("  Cowrite: page load done");
        results.tabHeap = await tabHeap(server, baseUrl, PLAN.heapMinutes);
        console.log("  Cowrite: a tab's heap over a session done");
        results.compaction = await compactionLatency(server, {
          edits: PLAN.compactionEdits,
          warmupEdits: PLAN.warmupEdits,
        });
        const { foldingServerErrors } = results.compaction;
        if (foldingServerErrors?.length) {
          console.log(`  errors while folding:\n    ${foldingServerErrors.join("\n    ")}`);
        }
        console.log("  Cowrite: edit latency during compaction done");
        results.history = await historyTimes(server, baseUrl, PLAN.longPages);
        console.log("  Cowrite: history done");
        results.authors = await authorsShown(baseUrl, PLAN.longPages);
        console.log("  Cowrite: Show authors done");
      }
      results.servers.push({ ...measured, errors: reportErrors(server) });
    } finally {
      await server.stop();
    }
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  results.loadAverage.end = loadavg()[0] ?? 0;

  printTable(results);
  await writeFile(
    join(ROOT, "bench", quick ? "results.quick.json" : "results.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (!quick) {
    const beforeAfter = await readFile(join(ROOT, "bench", "BEFORE-AFTER.md"), "utf8");
    await writeFile(join(ROOT, "bench", "RESULTS.md"), `${resultsMarkdown(results)}\n${beforeAfter}`);
  }
}

await main();

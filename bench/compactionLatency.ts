import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { newDocId } from "../party/shared/docId";
import type { RoomStorageStats, StorageStats } from "../party/shared/storageStats";
import { type BenchClient, connect, newParagraph, paragraphText } from "./benchClient";
import { editLatency } from "./editLatency";
import { type BenchServer, startCowrite } from "./servers";
import { type Summary, summarize } from "./stats";
import { StorageWindow } from "./storageWindow";
import { timedEdits } from "./timedEdits";

// Six paragraphs of 800,000 characters, each sent in one message under the 1 MiB frame
// limit: about 4.8 MB of encoded state, under the 5,000,000-byte document limit.
const LARGE_PARAGRAPHS = 6;
const FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
const PARAGRAPH_TEXT = FILLER.repeat(Math.ceil(800_000 / FILLER.length)).slice(0, 800_000);
const EDITORS = 2;
// Back to back, the edits of a whole measurement fit between two folds, so each fold would
// meet one edit; at a fast typist's pace they span a fold a second and meet it as a person would.
const PAUSE_MS = 20;
// Idle and folding take turns, so that the machine's other work falls on both alike.
const BLOCKS = 5;
// Folds as often as the policy lets them: after 5 log entries, at most once a second.
const FOLD_AFTER_ENTRIES = 5;
const FOLDING_POLICY = { COWRITE_FOLD_AFTER_ENTRIES: FOLD_AFTER_ENTRIES, COWRITE_FOLD_INTERVAL_MS: 1000 };
const ENCODE_RUNS = 11;

export interface LargeDocumentLatency {
  latency: Summary;
  /** Folds that finished during the measured blocks. */
  folds: number;
  /** The measured blocks' time, added up. */
  windowMs: number;
  failedWrites: number;
  lagMs: StorageStats["lagMs"] | null;
}

export interface CompactionLatencyResult {
  documentBytes: number;
  /** Y.encodeStateAsUpdate of the document in this Node process, over eleven runs. */
  encodeStateMs: { median: number; max: number };
  idle: LargeDocumentLatency;
  compacting: LargeDocumentLatency;
  /** What the server that folded every second printed as errors. */
  foldingServerErrors: string[] | null;
}

/** Polls the room's storage figures until `done` holds for them. */
async function storageUntil(
  server: BenchServer,
  docId: string,
  done: (stats: RoomStorageStats | null) => boolean,
): Promise<RoomStorageStats | null> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const stats = await server.storageStats(docId);
    if (done(stats)) return stats;
    if (Date.now() > deadline) throw new Error("The room's storage did not get there within a minute");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A ~4.8 MB document in a room of its own: its writer leaves once the room has written it, so
 * the emptied room folds it into one snapshot; a holder then loads it from there and keeps the
 * room open, with two editors who edit its short first paragraph.
 */
class LargeDocumentRoom {
  private readonly samples: number[] = [];
  private folds = 0;
  private failedWrites = 0;
  private windowMs = 0;
  private lagMs: StorageStats["lagMs"] | null = null;

  private constructor(
    readonly server: BenchServer,
    readonly docId: string,
    readonly clients: BenchClient[],
  ) {}

  static async open(server: BenchServer): Promise<LargeDocumentRoom> {
    const docId = newDocId();
    const writer = await connect(server, docId);
    try {
      paragraphText(writer.doc);
      const body = writer.doc.getXmlFragment(DOCUMENT_FIELD);
      for (let paragraph = 0; paragraph < LARGE_PARAGRAPHS; paragraph++) {
        body.insert(body.length, [newParagraph(PARAGRAPH_TEXT)]);
      }
      await storageUntil(server, docId, (stats) => (stats?.inMemory?.lagMs.count ?? 0) >= 1 + LARGE_PARAGRAPHS);
    } finally {
      writer.close();
    }
    await storageUntil(server, docId, (stats) => stats?.inMemory === null);
    const clients: BenchClient[] = [];
    for (let index = 0; index < 1 + EDITORS; index++) clients.push(await connect(server, docId));
    return new LargeDocumentRoom(server, docId, clients);
  }

  get holder(): BenchClient {
    return this.clients[0] as BenchClient;
  }

  /** One block of edits, with the room's storage figures read at both ends. */
  async measureBlock(edits: number): Promise<void> {
    const window = new StorageWindow(this.server);
    await window.started(this.docId);
    this.samples.push(...(await timedEdits(this.clients.slice(1), edits, PAUSE_MS)));
    await window.finished(this.docId);
    this.folds += window.grew("folds") ?? 0;
    this.failedWrites += window.grew("failedWrites") ?? 0;
    this.windowMs += window.elapsedMs;
    this.lagMs = window.after?.lagMs ?? null;
  }

  /** Once the fold that the last block's writes made due is over, and none is due. */
  async foldsDone(): Promise<void> {
    let folds = -1;
    await storageUntil(this.server, this.docId, (stats) => {
      const settled = stats?.inMemory?.folds === folds && stats.inMemory.logEntries <= FOLD_AFTER_ENTRIES;
      folds = stats?.inMemory?.folds ?? -1;
      return settled;
    });
  }

  result(): LargeDocumentLatency {
    return {
      latency: summarize(this.samples),
      folds: this.folds,
      windowMs: this.windowMs,
      failedWrites: this.failedWrites,
      lagMs: this.lagMs,
    };
  }

  close(): void {
    for (const client of this.clients) client.close();
  }
}

function encodeTimes(doc: Y.Doc): { median: number; max: number } {
  const times = Array.from({ length: ENCODE_RUNS }, () => {
    const start = performance.now();
    Y.encodeStateAsUpdate(doc);
    return performance.now() - start;
  }).sort((first, second) => first - second);
  return { median: times[Math.floor(times.length / 2)] ?? Number.NaN, max: times.at(-1) ?? Number.NaN };
}

/**
 * Edit latency with a ~4.8 MB document, idle (`server`, whose default storage policy does not
 * fold again while few edits follow) against a second Cowrite server whose policy folds the
 * same document every second, in alternating blocks.
 */
export async function compactionLatency(
  server: BenchServer,
  { edits, warmupEdits }: { edits: number; warmupEdits: number },
): Promise<CompactionLatencyResult> {
  const folding = await startCowrite({ name: "Cowrite, folding every second", vars: FOLDING_POLICY });
  const rooms: LargeDocumentRoom[] = [];
  try {
    // The same unmeasured warm-up that `server` had.
    await editLatency(folding, 2, warmupEdits);
    const idle = await LargeDocumentRoom.open(server);
    rooms.push(idle);
    const compacting = await LargeDocumentRoom.open(folding);
    rooms.push(compacting);
    for (let block = 0; block < BLOCKS; block++) {
      await idle.measureBlock(Math.round(edits / BLOCKS));
      await compacting.measureBlock(Math.round(edits / BLOCKS));
      await compacting.foldsDone();
    }
    return {
      documentBytes: Y.encodeStateAsUpdate(idle.holder.doc).byteLength,
      encodeStateMs: encodeTimes(idle.holder.doc),
      idle: idle.result(),
      compacting: compacting.result(),
      foldingServerErrors: folding.errors(),
    };
  } finally {
    for (const room of rooms) room.close();
    await folding.stop();
  }
}

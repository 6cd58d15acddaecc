import type * as Party from "partykit/server";
import * as Y from "yjs";
import { concatBytes } from "./concatBytes";

const SNAPSHOT = "snapshot:";
const UPDATE = "update:";
// A Durable Object storage value holds at most 128 KiB.
const VALUE_BYTES = 128 * 1024;
// Updates that arrive within this window are merged into one write. Writing each keystroke
// on its own tripled edit latency; what is in the window is also on every client, which
// sends it again should the server die first.
const FLUSH_MS = 20;

/** An entry's keys: `<prefix><entry>:<chunk>`, numbered so that keys sort in order. */
function chunkedEntries(prefix: string, entry: number, bytes: Uint8Array): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (let chunk = 0; chunk * VALUE_BYTES < Math.max(bytes.length, 1); chunk++) {
    const name = `${prefix}${String(entry).padStart(10, "0")}:${String(chunk).padStart(4, "0")}`;
    entries[name] = bytes.slice(chunk * VALUE_BYTES, (chunk + 1) * VALUE_BYTES);
  }
  return entries;
}

/** The entries under a prefix, each with its chunks joined, in order. */
async function readEntries(storage: Party.Storage, prefix: string): Promise<Map<number, Uint8Array>> {
  const chunksByEntry = new Map<number, Uint8Array[]>();
  for (const [name, chunk] of await storage.list<Uint8Array>({ prefix })) {
    const entry = Number(name.slice(prefix.length).split(":")[0]);
    chunksByEntry.set(entry, [...(chunksByEntry.get(entry) ?? []), chunk]);
  }
  return new Map([...chunksByEntry].map(([entry, chunks]) => [entry, concatBytes(chunks)]));
}

/**
 * A document in its room's storage: a snapshot of its state, plus the updates written since,
 * each the merge of what arrived within FLUSH_MS. Compaction folds them into a new snapshot.
 */
export class DocumentStorage {
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextUpdate = 0;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly storage: Party.Storage) {}

  /** The stored document. */
  async load(): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const snapshot of (await readEntries(this.storage, SNAPSHOT)).values()) Y.applyUpdate(doc, snapshot);
    const updates = await readEntries(this.storage, UPDATE);
    for (const update of updates.values()) Y.applyUpdate(doc, update);
    this.nextUpdate = Math.max(-1, ...updates.keys()) + 1;
    return doc;
  }

  /** Keeps an update: written soon, together with any that come with it. */
  store(update: Uint8Array): void {
    this.pending.push(update);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what is waiting now; resolves when everything stored so far is written. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) {
      const entries = chunkedEntries(UPDATE, this.nextUpdate++, Y.mergeUpdates(this.pending));
      this.pending = [];
      this.writes = this.writes.then(() => this.storage.put(entries));
    }
    return this.writes;
  }

  /** Replaces the snapshot and every update with one snapshot of `doc`. */
  async compact(doc: Y.Doc): Promise<void> {
    await this.flush();
    const fresh = chunkedEntries(SNAPSHOT, 0, Y.encodeStateAsUpdate(doc));
    const stale = [
      ...(await this.storage.list({ prefix: SNAPSHOT })).keys(),
      ...(await this.storage.list({ prefix: UPDATE })).keys(),
    ].filter((name) => !(name in fresh));
    // Writes issued in one turn, with no await between them, reach the disk together:
    // a reader sees the old entries or the new snapshot, never half of each.
    const writes = [this.storage.put(fresh)];
    for (let start = 0; start < stale.length; start += 128)
      writes.push(this.storage.delete(stale.slice(start, start + 128)).then(() => {}));
    await Promise.all(writes);
  }
}

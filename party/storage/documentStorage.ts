import * as Y from "yjs";
import { inBatches, type LimitedStorage, STORAGE_LIMITS } from "./limitedStorage";
import { type EntryRecord, type LoadedDocument, loadDocument } from "./loadDocument";
import type { StorageStats } from "../shared/storageStats";
import type { StoragePolicy } from "./storagePolicy";
import { entryValues, LOG_PREFIX, SNAPSHOT_PREFIX } from "./storedEntries";
import { encodeUpdateBatch } from "./updateBatch";
import { WriteLag } from "./writeLag";

// A fold's entry is written this many values (of up to 128 KiB) to a step; see writeInSteps.
const VALUES_PER_STEP = 2;
// A fold writes what came since the snapshot as one log entry while that is at most this
// share of the snapshot's size; past it, a new snapshot.
const SINCE_SNAPSHOT_SHARE = 0.25;
// After a failed write, the next try waits this long, doubling up to the ceiling.
const RETRY_FIRST_MS = 200;
const RETRY_CEILING_MS = 10_000;

/** A write of changes failed; they are kept in memory and tried again. */
export class NotStoredError extends Error {}

interface Pending {
  updates: Uint8Array[];
  /** When each update that these hold arrived. */
  arrivals: number[];
}

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type StoredEntries = LoadedDocument["log"];

function total(entries: StoredEntries, count: (entry: EntryRecord) => number): number {
  let sum = 0;
  for (const entry of entries.values()) sum += count(entry);
  return sum;
}

/**
 * A document kept in its room's storage as a snapshot plus a log of the updates since.
 * Updates are written at most once per `writeIntervalMs`, one write at a time, with all
 * that arrived meanwhile merged into it; a failed write goes back in front of the queue
 * and is tried again. By the policy, the log is folded into one entry of what came since
 * the snapshot, or into a new snapshot; nothing is deleted until what replaces it is on disk.
 */
export class DocumentStorage {
  private pending: Pending = { updates: [], arrivals: [] };
  private received = 0;
  private written = 0;
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private failures = 0;
  private folding: Promise<void> | null = null;
  private foldTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFoldAt = Number.NEGATIVE_INFINITY;
  private doc: Y.Doc | null = null;
  private detach: () => void = () => {};
  private stopped = false;
  private readonly lag = new WriteLag();
  /** Set while a change written by applyWritten is applied: it is on disk already. */
  private applyingWritten = false;
  private readonly counts = { writes: 0, failedWrites: 0, folds: 0 };

  private constructor(
    private readonly storage: LimitedStorage,
    private readonly policy: StoragePolicy,
    private readonly roomId: string,
    private readonly snapshots: StoredEntries,
    private readonly log: StoredEntries,
    /** What the newest snapshot holds, as a state vector, and its size: a fold writes what came since. */
    private snapshotVector: Uint8Array,
    private snapshotBytes: number,
    private nextSnapshot: number,
    private nextLogEntry: number,
  ) {}

  /** The stored document, and the storage that keeps it from now on. */
  static async load(
    storage: LimitedStorage,
    policy: StoragePolicy,
    roomId: string,
  ): Promise<{ doc: Y.Doc; storage: DocumentStorage }> {
    const loaded = await loadDocument(storage, roomId);
    const kept = new DocumentStorage(
      storage,
      policy,
      roomId,
      loaded.snapshots,
      loaded.log,
      loaded.snapshotVector,
      loaded.snapshotBytes,
      loaded.nextSnapshot,
      loaded.nextLogEntry,
    );
    return { doc: loaded.doc, storage: kept };
  }

  /** Keeps every change to `doc` from now on, and folds from it. */
  attach(doc: Y.Doc): void {
    this.detach();
    const store = (update: Uint8Array) => this.store(update);
    doc.on("update", store);
    this.doc = doc;
    this.detach = () => doc.off("update", store);
    this.foldIfDue();
  }

  /** Resolves once every update received so far is on disk; rejects if a write of them fails (it is retried). */
  flush(): Promise<void> {
    return this.whenWritten(true);
  }

  /** Writes what is left, folds the log, and lets go of the document. Never rejects. */
  async close(): Promise<void> {
    await this.whenWritten(false);
    clearTimeout(this.foldTimer);
    await this.folding?.catch(() => {});
    if (this.log.size > 0) {
      await this.fold(true).catch((error: unknown) => {
        console.error(`Room ${this.roomId}: the log could not be folded; it stays as it is`, error);
      });
    }
    this.stop();
  }

  /** Stops writing: for a document that another owner of the room now keeps. */
  stop(): void {
    this.stopped = true;
    this.detach();
    this.doc = null;
    clearTimeout(this.writeTimer);
    clearTimeout(this.foldTimer);
  }

  /**
   * Replaces the log so far with one entry of all the document has beyond the snapshot; or,
   * once that would be more than a quarter of the snapshot's size (or `full` is asked for),
   * replaces snapshot and log with a new snapshot. The first is quick however long the
   * document: it encodes only what is new.
   */
  fold(full = false): Promise<void> {
    this.folding ??= this.foldNow(full).finally(() => {
      this.folding = null;
      this.foldIfDue();
    });
    return this.folding;
  }

  stats(): StorageStats {
    return {
      logEntries: this.log.size,
      logUpdates: total(this.log, (entry) => entry.updates),
      logBytes: total(this.log, (entry) => entry.bytes),
      snapshotBytes: total(this.snapshots, (entry) => entry.bytes),
      keys: total(this.log, (entry) => entry.keys.length) + total(this.snapshots, (entry) => entry.keys.length),
      ...this.counts,
      lagMs: this.lag.summary(),
    };
  }

  /**
   * Applies a change of the server's own (an HTTP API change, a restore, a comment) to `doc`
   * only once it is on disk, in a log entry of its own. Anyone who sees it can count on it: a
   * client holding a server change the server had lost could never send it back, since those
   * client ids are the server's (see authorTable.ts). `relay` runs just before it is applied.
   * Rejects, having applied nothing, if the write fails.
   */
  async applyWritten(doc: Y.Doc, update: Uint8Array, origin: unknown, relay: () => void = () => {}): Promise<void> {
    let written: { key: string; record: EntryRecord } | null = null;
    if (!this.stopped) {
      const bytes = encodeUpdateBatch([update]);
      const entry = this.nextLogEntry++;
      const values = entryValues(LOG_PREFIX, entry, bytes);
      await this.putAll(values);
      written = {
        key: `${LOG_PREFIX}${entry}`,
        record: { keys: Object.keys(values), bytes: bytes.length, updates: 1 },
      };
    }
    relay();
    this.applyingWritten = true;
    try {
      Y.applyUpdate(doc, update, origin);
    } finally {
      this.applyingWritten = false;
    }
    // Listed only now: a fold lists the entries whose changes the document already holds.
    if (written) {
      this.log.set(written.key, written.record);
      this.counts.writes++;
      this.foldIfDue();
    }
  }

  private store(update: Uint8Array): void {
    if (this.stopped || this.applyingWritten) return;
    this.pending.updates.push(update);
    this.pending.arrivals.push(Date.now());
    this.received++;
    this.scheduleWrite();
  }

  private whenWritten(failFast: boolean): Promise<void> {
    if (this.written >= this.received) return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => {
      this.waiters.push({ upTo: this.received, resolve, reject: failFast ? reject : () => {} });
    });
    return waiting;
  }

  private scheduleWrite(): void {
    if (this.stopped || this.writing || this.writeTimer !== null || this.pending.arrivals.length === 0) return;
    // Flushes wait their turn too, so HTTP changes cannot raise the room's write rate.
    const wait =
      this.failures > 0
        ? Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_CEILING_MS)
        : this.lastWriteAt + this.policy.writeIntervalMs - Date.now();
    this.writeTimer = setTimeout(
      () => {
        this.writeTimer = null;
        this.writing = this.write().finally(() => {
          this.writing = null;
          this.scheduleWrite();
          this.foldIfDue();
        });
      },
      Math.max(wait, 0),
    );
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    this.pending = { updates: [], arrivals: [] };
    this.lastWriteAt = Date.now();
    const bytes = encodeUpdateBatch(batch.updates);
    // Each try gets a new entry, so a retry never mixes with chunks an earlier try left.
    const entry = this.nextLogEntry++;
    const values = entryValues(LOG_PREFIX, entry, bytes);
    const record = { keys: Object.keys(values), bytes: bytes.length, updates: batch.updates.length };
    this.log.set(`${LOG_PREFIX}${entry}`, record);
    try {
      await this.putAll(values);
      this.counts.writes++;
      this.failures = 0;
      this.written += batch.arrivals.length;
      this.lag.record(batch.arrivals, Date.now());
      this.settleWaiters();
    } catch (error) {
      this.counts.failedWrites++;
      this.failures++;
      // Its keys stay listed, for the next fold to remove whatever of it landed; its updates go back in the queue.
      record.bytes = 0;
      record.updates = 0;
      console.error(
        `Room ${this.roomId}: writing ${bytes.length} bytes failed (try ${this.failures}); retrying`,
        error,
      );
      this.pending = {
        updates: [...batch.updates, ...this.pending.updates],
        arrivals: [...batch.arrivals, ...this.pending.arrivals],
      };
      const failure = new NotStoredError(`Writing to storage failed: ${String(error)}`, { cause: error });
      for (const waiter of this.waiters) waiter.reject(failure);
    }
  }

  private settleWaiters(): void {
    const waiting: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.upTo <= this.written) waiter.resolve();
      else waiting.push(waiter);
    }
    this.waiters = waiting;
  }

  /** Writes values, as many to a call as fit; then waits until they are on disk. */
  private async putAll(values: Record<string, Uint8Array>): Promise<void> {
    for (const keys of inBatches(Object.keys(values))) {
      await this.storage.put(Object.fromEntries(keys.map((key) => [key, values[key]])));
    }
    await this.storage.sync();
  }

  /**
   * Writes values a few at a time, each on disk before the next, with a turn of the event
   * loop in between: the runtime writes to disk on the room's one thread, and one write of
   * megabytes would hold every message to the room for as long.
   */
  private async writeInSteps(values: Record<string, Uint8Array>): Promise<void> {
    for (const keys of inBatches(Object.keys(values), VALUES_PER_STEP)) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.storage.put(Object.fromEntries(keys.map((key) => [key, values[key]])));
      await this.storage.sync();
    }
  }

  private foldIfDue(): void {
    if (this.stopped || this.folding || !this.doc) return;
    const due =
      this.log.size > this.policy.foldAfterEntries ||
      total(this.log, (entry) => entry.updates) > this.policy.foldAfterUpdates ||
      total(this.log, (entry) => entry.bytes) > this.policy.foldAfterBytes;
    if (!due || this.foldTimer !== null) return;
    const wait = this.lastFoldAt + this.policy.foldIntervalMs - Date.now();
    this.foldTimer = setTimeout(
      () => {
        this.foldTimer = null;
        this.fold().catch((error: unknown) => {
          console.error(`Room ${this.roomId}: folding the log failed; it is tried again later`, error);
        });
      },
      Math.max(wait, 0),
    );
  }

  private async foldNow(full: boolean): Promise<void> {
    if (!this.doc) return;
    this.lastFoldAt = Date.now();
    // Everything in the log now is in the document now, written or still waiting.
    const staleLog = [...this.log.keys()];
    const sinceSnapshot = full ? null : Y.encodeStateAsUpdate(this.doc, this.snapshotVector);
    if (sinceSnapshot && sinceSnapshot.length <= this.snapshotBytes * SINCE_SNAPSHOT_SHARE) {
      await this.replaceLog(sinceSnapshot, staleLog);
    } else {
      await this.replaceSnapshot(staleLog);
    }
    this.counts.folds++;
  }

  /** Writes what the document has beyond the snapshot as one log entry, then deletes the entries it covers. */
  private async replaceLog(sinceSnapshot: Uint8Array, staleLog: readonly string[]): Promise<void> {
    const entry = this.nextLogEntry++;
    const bytes = encodeUpdateBatch([sinceSnapshot]);
    const values = entryValues(LOG_PREFIX, entry, bytes);
    // Listed before it is written, so that if the write fails the next fold removes what landed.
    const record = { keys: Object.keys(values), bytes: 0, updates: 0 };
    this.log.set(`${LOG_PREFIX}${entry}`, record);
    await this.writeInSteps(values);
    record.bytes = bytes.length;
    record.updates = 1;
    await this.writing;
    await this.deleteEntries(this.log, staleLog);
  }

  /** Writes a snapshot of the document, then deletes the snapshots and log entries it replaces. */
  private async replaceSnapshot(staleLog: readonly string[]): Promise<void> {
    if (!this.doc) return;
    const staleSnapshots = [...this.snapshots.keys()];
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const vector = Y.encodeStateVector(this.doc);
    const generation = this.nextSnapshot++;
    const values = entryValues(SNAPSHOT_PREFIX, generation, snapshot);
    const record = { keys: Object.keys(values), bytes: 0, updates: 0 };
    // Listed before it is written: whatever part of it lands if the write fails, the next fold removes.
    this.snapshots.set(`${SNAPSHOT_PREFIX}${generation}`, record);
    await this.writeInSteps(values);
    record.bytes = snapshot.length;
    this.snapshotVector = vector;
    this.snapshotBytes = snapshot.length;
    // A write under way may be of a stale entry: its keys must exist before they are deleted.
    await this.writing;
    await this.deleteEntries(this.snapshots, staleSnapshots);
    await this.deleteEntries(this.log, staleLog);
  }

  /** Deletes whole entries, as many to a call as fit, so no entry is left half deleted. */
  private async deleteEntries(entries: StoredEntries, names: readonly string[]): Promise<void> {
    let batch: string[] = [];
    let batchKeys: string[] = [];
    const deleteBatch = async () => {
      for (const keys of inBatches(batchKeys)) await this.storage.delete(keys);
      for (const entry of batch) entries.delete(entry);
      batch = [];
      batchKeys = [];
    };
    for (const entry of names) {
      const keys = entries.get(entry)?.keys ?? [];
      if (batchKeys.length + keys.length > STORAGE_LIMITS.keysPerCall && batch.length > 0) await deleteBatch();
      batch.push(entry);
      batchKeys.push(...keys);
    }
    if (batch.length > 0) await deleteBatch();
  }
}

import * as Y from "yjs";
import { inBatches, type LimitedStorage } from "./limitedStorage";
import {
  LOG_PREFIX,
  SET_ASIDE_PREFIX,
  SNAPSHOT_PREFIX,
  type StoredEntry,
  storedEntries,
  UPDATE_PREFIX,
} from "./storedEntries";
import { decodeUpdateBatch } from "./updateBatch";

/** A stored entry as the room keeps count of it. */
export interface EntryRecord {
  keys: string[];
  bytes: number;
  updates: number;
}

/** What a document's storage held, as loaded. */
export interface LoadedDocument {
  doc: Y.Doc;
  /** The entries in storage now, by prefix and number: a fold replaces them all. */
  snapshots: Map<string, EntryRecord>;
  log: Map<string, EntryRecord>;
  /** The state vector of the snapshot the document was loaded from (empty if none), and its size. */
  snapshotVector: Uint8Array;
  snapshotBytes: number;
  nextSnapshot: number;
  nextLogEntry: number;
}

/** Applies updates in one transaction; false, having applied what it could, if one cannot be read. */
function tryApply(doc: Y.Doc, updates: readonly Uint8Array[]): boolean {
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return true;
  } catch {
    return false;
  }
}

function nextNumber(entries: readonly StoredEntry[]): number {
  let highest = -1;
  for (const { entry } of entries) highest = Math.max(highest, entry);
  return highest + 1;
}

function record(entry: StoredEntry, updates: number): EntryRecord {
  return { keys: entry.keys, bytes: entry.bytes?.length ?? 0, updates };
}

/**
 * Copies entries that cannot be read under SET_ASIDE_PREFIX and only then removes them,
 * so that the bytes are kept for a person to look at, and the document loads without them.
 */
async function setAside(storage: LimitedStorage, roomId: string, entries: readonly StoredEntry[]): Promise<void> {
  for (const { keys } of entries) {
    console.error(
      `Room ${roomId}: the stored entry ${keys[0]} cannot be read; it is kept as ${SET_ASIDE_PREFIX}${keys[0]}`,
    );
    try {
      for (const batch of inBatches(keys)) {
        const values = await storage.get(batch);
        await storage.put(Object.fromEntries([...values].map(([key, value]) => [`${SET_ASIDE_PREFIX}${key}`, value])));
      }
      for (const batch of inBatches(keys)) await storage.delete(batch);
    } catch (error) {
      console.error(`Room ${roomId}: ${keys[0]} could not be set aside; it stays where it is`, error);
    }
  }
}

/**
 * Deletes entries whose write was cut short (a crash mid-fold). Nothing was deleted in their
 * favour, since a fold deletes only after its entry is whole on disk, so they hold nothing lost.
 */
async function removeCutShort(storage: LimitedStorage, roomId: string, entries: readonly StoredEntry[]): Promise<void> {
  for (const { keys } of entries) {
    console.warn(`Room ${roomId}: removing ${keys[0]} and the rest of a write that was cut short`);
    try {
      for (const batch of inBatches(keys)) await storage.delete(batch);
    } catch (error) {
      console.error(`Room ${roomId}: ${keys[0]} could not be removed; the next load tries again`, error);
    }
  }
}

function readable(bytes: Uint8Array, updatesOf: (bytes: Uint8Array) => Uint8Array[]): Uint8Array[] | null {
  try {
    return updatesOf(bytes);
  } catch {
    return null;
  }
}

/** Applies each entry's updates; returns those that applied, setting the others in `unreadable`. */
function applyLog(
  doc: Y.Doc,
  prefix: string,
  entries: readonly StoredEntry[],
  updatesOf: (bytes: Uint8Array) => Uint8Array[],
  unreadable: StoredEntry[],
  cutShort: StoredEntry[],
  applied: Map<string, EntryRecord>,
): void {
  for (const entry of entries) {
    if (entry.cutShort) {
      cutShort.push(entry);
      continue;
    }
    const updates = entry.entry >= 0 && entry.bytes ? readable(entry.bytes, updatesOf) : null;
    if (updates && tryApply(doc, updates)) applied.set(`${prefix}${entry.entry}`, record(entry, updates.length));
    else unreadable.push(entry);
  }
}

/**
 * The stored document: the newest snapshot that can be read, with every log entry applied
 * on it. An entry that cannot be read is set aside and the rest still loads; one whose write
 * was cut short is removed. Older
 * snapshots are superseded by the newest (each is written from a document that held the
 * one before) and are left for the next fold to remove.
 */
export async function loadDocument(storage: LimitedStorage, roomId: string): Promise<LoadedDocument> {
  const snapshotEntries = storedEntries(SNAPSHOT_PREFIX, await storage.list(SNAPSHOT_PREFIX));
  const unreadable: StoredEntry[] = [];
  const cutShort: StoredEntry[] = [];
  let doc = new Y.Doc();
  const snapshots = new Map<string, EntryRecord>();
  let base: StoredEntry | undefined;
  for (const snapshot of [...snapshotEntries].reverse()) {
    if (snapshot.cutShort) cutShort.push(snapshot);
    else if (snapshot.entry < 0) unreadable.push(snapshot);
    else if (base) snapshots.set(`${SNAPSHOT_PREFIX}${snapshot.entry}`, record(snapshot, 0));
    else if (snapshot.bytes && tryApply(doc, [snapshot.bytes])) {
      base = snapshot;
      snapshots.set(`${SNAPSHOT_PREFIX}${snapshot.entry}`, record(snapshot, 0));
    } else {
      unreadable.push(snapshot);
      doc = new Y.Doc();
    }
  }
  const snapshotVector = Y.encodeStateVector(doc);
  const log = new Map<string, EntryRecord>();
  // Entries as older versions wrote them, one update each, come first.
  const oldEntries = storedEntries(UPDATE_PREFIX, await storage.list(UPDATE_PREFIX));
  applyLog(doc, UPDATE_PREFIX, oldEntries, (bytes) => [bytes], unreadable, cutShort, log);
  const logEntries = storedEntries(LOG_PREFIX, await storage.list(LOG_PREFIX));
  applyLog(doc, LOG_PREFIX, logEntries, decodeUpdateBatch, unreadable, cutShort, log);

  await setAside(storage, roomId, unreadable);
  await removeCutShort(storage, roomId, cutShort);
  return {
    doc,
    snapshots,
    log,
    snapshotVector,
    snapshotBytes: base?.bytes?.length ?? 0,
    nextSnapshot: nextNumber(snapshotEntries),
    nextLogEntry: nextNumber(logEntries),
  };
}

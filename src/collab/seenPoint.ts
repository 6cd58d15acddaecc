import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";

/** The document as this browser's reader last saw it: what "changed since you last looked" counts from. */
export interface SeenPoint {
  snapshot: Y.Snapshot;
  /** When they saw it, in milliseconds since the epoch. */
  time: number;
}

interface StoredSeenPoint {
  snapshot: string;
  time: number;
}

const KEY_PREFIX = "cowrite:seen:";
// A snapshot is a state vector and a delete set: a few hundred bytes for most documents.
// One past this is not kept, so seen points never crowd out the rest of this origin's storage.
const MAX_STORED_LENGTH = 200_000;

function storageKey(docId: string): string {
  return `${KEY_PREFIX}${docId}`;
}

/**
 * In localStorage, not beside the document's copy in IndexedDB: the point is stored last as the
 * page goes away, and only a synchronous write is sure to land then.
 */
export function loadSeenPoint(docId: string): SeenPoint | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(docId)) ?? "null") as Partial<StoredSeenPoint> | null;
    if (typeof stored?.snapshot !== "string" || !Number.isFinite(stored.time)) return null;
    return { snapshot: Y.decodeSnapshot(fromBase64(stored.snapshot)), time: Number(stored.time) };
  } catch {
    // Storage off, or a damaged record: nothing was seen before.
    return null;
  }
}

export function saveSeenPoint(docId: string, seen: SeenPoint): void {
  const stored: StoredSeenPoint = { snapshot: toBase64(Y.encodeSnapshot(seen.snapshot)), time: seen.time };
  const value = JSON.stringify(stored);
  try {
    if (value.length <= MAX_STORED_LENGTH) localStorage.setItem(storageKey(docId), value);
    else localStorage.removeItem(storageKey(docId));
  } catch {
    // Storage off or full: the next visit counts from the point stored before, if any.
  }
}

/** What a room's storage holds and has done, for the README's bounds and the benchmarks. */
export interface StorageStats {
  logEntries: number;
  logUpdates: number;
  logBytes: number;
  snapshotBytes: number;
  keys: number;
  writes: number;
  failedWrites: number;
  folds: number;
  /** From an update reaching the server to its being on disk. */
  lagMs: { count: number; p50: number; p99: number; max: number };
}

/** The body of `GET <room>/storage`, served when the server runs with COWRITE_STORAGE_STATS=1. */
export interface RoomStorageStats {
  /** The keys of the document itself: its snapshot, log and set-aside entries. */
  storedKeys: number;
  /** The keys of its history: authors, versions and their index (bounded by the retention policy). */
  historyKeys: number;
  /** Null once no session holds the room's document: what it had is written and folded. */
  inMemory: StorageStats | null;
}

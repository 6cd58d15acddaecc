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
  /** Every key in the room's storage. */
  storedKeys: number;
  /** Null once no session holds the room's document: what it had is written and folded. */
  inMemory: StorageStats | null;
}

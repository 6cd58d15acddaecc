import { settingsFrom } from "../settings";

/** When a room writes to storage, and when it folds its update log into a snapshot. The README explains each. */
export interface StoragePolicy {
  /** The shortest time between two writes of the log: what arrives in between goes in one write. */
  writeIntervalMs: number;
  /** Fold the log once it holds more entries than this... */
  foldAfterEntries: number;
  /** ...or more updates (each costs a reload its own step)... */
  foldAfterUpdates: number;
  /** ...or more bytes than this... */
  foldAfterBytes: number;
  /** ...but at most once in this long (a room left empty folds at once). */
  foldIntervalMs: number;
}

export const DEFAULT_STORAGE_POLICY: StoragePolicy = {
  writeIntervalMs: 50,
  foldAfterEntries: 300,
  foldAfterUpdates: 3_000,
  foldAfterBytes: 2_000_000,
  foldIntervalMs: 10_000,
};

const ENV_NAMES: Record<keyof StoragePolicy, string> = {
  writeIntervalMs: "COWRITE_WRITE_INTERVAL_MS",
  foldAfterEntries: "COWRITE_FOLD_AFTER_ENTRIES",
  foldAfterUpdates: "COWRITE_FOLD_AFTER_UPDATES",
  foldAfterBytes: "COWRITE_FOLD_AFTER_BYTES",
  foldIntervalMs: "COWRITE_FOLD_INTERVAL_MS",
};

export function storagePolicyFrom(env: Record<string, unknown>): StoragePolicy {
  return settingsFrom(env, DEFAULT_STORAGE_POLICY, ENV_NAMES);
}

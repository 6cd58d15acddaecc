import { settingsFrom } from "../settings";

/** When versions are saved by themselves. The README explains it. */
export interface HistoryPolicy {
  /** The first change after a version starts this clock; when it runs out, a version is saved. */
  autoVersionIntervalMs: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { autoVersionIntervalMs: 5 * 60_000 };

export function historyPolicyFrom(env: Record<string, unknown>): HistoryPolicy {
  return settingsFrom(env, DEFAULT_HISTORY_POLICY, { autoVersionIntervalMs: "COWRITE_AUTO_VERSION_INTERVAL_MS" });
}

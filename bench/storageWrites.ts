import type { StorageStats } from "../party/shared/storageStats";
import { concurrentTyping, type TypingResult } from "./concurrentTyping";
import type { BenchServer } from "./servers";
import { StorageWindow } from "./storageWindow";

export interface StorageWritesResult {
  writesPerMinute: number;
  failedWrites: number;
  /** From a keystroke reaching the server to its write being on disk. */
  lagMs: StorageStats["lagMs"];
}

/**
 * How often one room writes to storage while its editors type at once: the concurrent-typing
 * scenario, with the room's write counter read at both ends of it. Null writes for a server
 * that does not count them.
 */
export async function storageWrites(
  server: BenchServer,
  editors: number,
  durationMs: number,
): Promise<{ typing: TypingResult; writes: StorageWritesResult | null }> {
  const window = new StorageWindow(server);
  const typing = await concurrentTyping(server, editors, durationMs, window);
  const writes = window.grew("writes");
  if (writes === null || !window.after) return { typing, writes: null };
  return {
    typing,
    writes: {
      writesPerMinute: (writes / window.elapsedMs) * 60_000,
      failedWrites: window.grew("failedWrites") ?? 0,
      lagMs: window.after.lagMs,
    },
  };
}

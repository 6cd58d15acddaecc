import type { StorageStats } from "../party/shared/storageStats";
import type { BenchServer } from "./servers";

/** A benchmark's measured window, told to whoever watches the room: just before its first sample and after its last. */
export interface MeasuredWindow {
  started(docId: string): Promise<void>;
  finished(docId: string): Promise<void>;
}

/** The room's storage figures at both ends of a measured window; both null for a server that has none. */
export class StorageWindow implements MeasuredWindow {
  before: StorageStats | null = null;
  after: StorageStats | null = null;
  elapsedMs = 0;
  private startedAt = 0;

  constructor(private readonly server: BenchServer) {}

  async started(docId: string): Promise<void> {
    this.before = (await this.server.storageStats(docId))?.inMemory ?? null;
    this.startedAt = performance.now();
  }

  async finished(docId: string): Promise<void> {
    this.elapsedMs = performance.now() - this.startedAt;
    this.after = (await this.server.storageStats(docId))?.inMemory ?? null;
  }

  /** How much a counter grew over the window; null without figures. */
  grew(counter: "writes" | "failedWrites" | "folds"): number | null {
    return this.before && this.after ? this.after[counter] - this.before[counter] : null;
  }
}

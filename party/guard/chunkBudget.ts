/**
 * The bytes one room holds in partly received chunked messages, across all its connections,
 * so that many connections cannot each park a document's worth of chunks in memory.
 */
export class ChunkBudget {
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  /** Takes `bytes` from the budget, or refuses when that would pass it. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.maxBytes) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
  }
}

import { type AwarenessEntry, holdNewest } from "./awarenessEntries";

/**
 * Lets awareness from one connection through at most once per interval. Entries that come
 * sooner wait, and a newer entry for the same client replaces the one waiting: each carries
 * that client's whole state, so only its latest matters, and a flood costs the room one
 * update per interval. Entries for different clients never replace each other.
 */
export class AwarenessThrottle {
  private lastDelivery = Number.NEGATIVE_INFINITY;
  private readonly waiting = new Map<number, AwarenessEntry>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (entries: AwarenessEntry[]) => void,
  ) {}

  submit(entries: readonly AwarenessEntry[]): void {
    holdNewest(this.waiting, entries);
    const wait = this.lastDelivery + this.intervalMs - Date.now();
    if (wait <= 0 && this.timer === null) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), Math.max(wait, 0));
  }

  /** Forgets what waits for `clientId`. */
  drop(clientId: number): void {
    this.waiting.delete(clientId);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.clear();
  }

  private flush(): void {
    this.timer = null;
    if (this.waiting.size === 0) return;
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    this.lastDelivery = Date.now();
    this.deliver(entries);
  }
}

/**
 * Lets awareness updates from one connection through at most once per interval. An update
 * that comes sooner waits, and a newer one replaces it: each carries the sender's whole
 * state, so only the latest matters, and a flood costs the room one update per interval.
 */
export class AwarenessThrottle {
  private lastDelivery = Number.NEGATIVE_INFINITY;
  private waiting: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly intervalMs: number) {}

  submit(deliver: () => void): void {
    const wait = this.lastDelivery + this.intervalMs - Date.now();
    if (wait <= 0 && this.timer === null) {
      this.lastDelivery = Date.now();
      deliver();
      return;
    }
    this.waiting = deliver;
    this.timer ??= setTimeout(() => this.flush(), Math.max(wait, 0));
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = undefined;
  }

  private flush(): void {
    this.timer = null;
    const deliver = this.waiting;
    this.waiting = undefined;
    this.lastDelivery = Date.now();
    deliver?.();
  }
}

// Enough recent samples for a steady p99, in bounded memory.
const SAMPLES = 10_000;

/** How long recent updates took from reaching the server to being on disk. */
export class WriteLag {
  private readonly samples: number[] = [];
  private next = 0;
  private count = 0;
  private max = 0;

  record(arrivals: readonly number[], writtenAt: number): void {
    for (const arrival of arrivals) {
      const lag = writtenAt - arrival;
      if (this.samples.length < SAMPLES) this.samples.push(lag);
      else this.samples[this.next] = lag;
      this.next = (this.next + 1) % SAMPLES;
      this.count++;
      this.max = Math.max(this.max, lag);
    }
  }

  summary(): { count: number; p50: number; p99: number; max: number } {
    const sorted = [...this.samples].sort((first, second) => first - second);
    const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
    return { count: this.count, p50: at(0.5), p99: at(0.99), max: this.max };
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AwarenessThrottle } from "../../party/awarenessThrottle";

describe("the awareness throttle", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets the first update through at once and the newest of a burst through after the interval", () => {
    const throttle = new AwarenessThrottle(50);
    const delivered: string[] = [];
    throttle.submit(() => delivered.push("first"));
    vi.advanceTimersByTime(10);
    throttle.submit(() => delivered.push("second"));
    throttle.submit(() => delivered.push("third"));
    expect(delivered).toEqual(["first"]);

    vi.advanceTimersByTime(40);
    expect(delivered).toEqual(["first", "third"]);

    vi.advanceTimersByTime(60);
    throttle.submit(() => delivered.push("later"));
    expect(delivered).toEqual(["first", "third", "later"]);
  });

  it("never delivers more than once per interval, and always the last", () => {
    const throttle = new AwarenessThrottle(50);
    const delivered: number[] = [];
    for (let update = 0; update < 1000; update++) {
      throttle.submit(() => delivered.push(update));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(50);
    expect(delivered.length).toBeLessThanOrEqual(1000 / 50 + 1);
    expect(delivered.at(-1)).toBe(999);
  });

  it("drops what is waiting when stopped", () => {
    const throttle = new AwarenessThrottle(50);
    const delivered: string[] = [];
    throttle.submit(() => delivered.push("first"));
    throttle.submit(() => delivered.push("second"));
    throttle.stop();
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual(["first"]);
  });
});

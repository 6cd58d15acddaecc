import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AwarenessEntry } from "../../party/guard/awarenessEntries";
import { AwarenessThrottle } from "../../party/guard/awarenessThrottle";

const entry = (clientId: number, clock: number): AwarenessEntry => ({ clientId, clock, json: `{"n":${clock}}` });

function throttled() {
  const delivered: AwarenessEntry[][] = [];
  const throttle = new AwarenessThrottle(50, (entries) => delivered.push(entries));
  return { throttle, delivered };
}

describe("the awareness throttle", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets the first update through at once and the newest of a burst through after the interval", () => {
    const { throttle, delivered } = throttled();
    throttle.submit([entry(1, 1)]);
    vi.advanceTimersByTime(10);
    throttle.submit([entry(1, 2)]);
    throttle.submit([entry(1, 3)]);
    expect(delivered).toEqual([[entry(1, 1)]]);

    vi.advanceTimersByTime(40);
    expect(delivered).toEqual([[entry(1, 1)], [entry(1, 3)]]);

    vi.advanceTimersByTime(60);
    throttle.submit([entry(1, 4)]);
    expect(delivered.at(-1)).toEqual([entry(1, 4)]);
  });

  it("never delivers more than once per interval, and always the last", () => {
    const { throttle, delivered } = throttled();
    for (let clock = 0; clock < 1000; clock++) {
      throttle.submit([entry(1, clock)]);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(50);
    expect(delivered.length).toBeLessThanOrEqual(1000 / 50 + 1);
    expect(delivered.at(-1)).toEqual([entry(1, 999)]);
  });

  it("keeps each client's newest state: one client's entry never replaces another's", () => {
    const { throttle, delivered } = throttled();
    throttle.submit([entry(1, 1)]);
    throttle.submit([entry(1, 2)]);
    throttle.submit([entry(2, 7)]);
    throttle.submit([entry(1, 1)]);
    vi.advanceTimersByTime(50);
    expect(delivered).toEqual([[entry(1, 1)], [entry(1, 2), entry(2, 7)]]);
  });

  it("drops what is waiting when stopped", () => {
    const { throttle, delivered } = throttled();
    throttle.submit([entry(1, 1)]);
    throttle.submit([entry(1, 2)]);
    throttle.stop();
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual([[entry(1, 1)]]);
  });

  it("decides between entries of one clock as y-protocols does: a removal wins, a state does not", () => {
    const { throttle, delivered } = throttled();
    throttle.submit([entry(1, 1)]);
    const removal: AwarenessEntry = { clientId: 1, clock: 5, json: "null" };
    throttle.submit([entry(1, 5)]);
    throttle.submit([removal]);
    throttle.submit([entry(1, 5)]);
    vi.advanceTimersByTime(50);
    expect(delivered.at(-1)).toEqual([removal]);
  });

  it("forgets what waits for a client id it was told to drop", () => {
    const { throttle, delivered } = throttled();
    throttle.submit([entry(1, 1)]);
    throttle.submit([entry(1, 2), entry(2, 1)]);
    throttle.drop(1);
    vi.advanceTimersByTime(50);
    expect(delivered).toEqual([[entry(1, 1)], [entry(2, 1)]]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HeartbeatWatch } from "../../party/guard/heartbeatWatch";

const PING_MS = 2000;
const DROP_MS = 7000;

/** A connection that records what the watch does to it, and answers pings if told to. */
function peer(watch: HeartbeatWatch, { answers = false } = {}) {
  const events: string[] = [];
  const heartbeat = watch.watch({
    ping: () => {
      events.push(`ping at ${Date.now()}`);
      if (answers) heartbeat.heard();
    },
    drop: () => events.push(`drop at ${Date.now()}`),
  });
  return { events, heartbeat };
}

describe("the heartbeat watch", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("pings a silent connection after the ping time, at most once per ping time, and drops it past the limit", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    const silent = peer(watch);
    vi.advanceTimersByTime(60_000);
    expect(silent.events).toEqual(["ping at 2000", "ping at 4000", "ping at 6000", "drop at 8000"]);
  });

  it("never pings or drops a connection that keeps sending", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    const busy = peer(watch);
    for (let second = 0; second < 60; second++) {
      vi.advanceTimersByTime(1000);
      busy.heartbeat.heard();
    }
    expect(busy.events).toEqual([]);
  });

  it("keeps a connection that answers its pings, for as long as it answers", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    const answering = peer(watch, { answers: true });
    vi.advanceTimersByTime(60_000);
    expect(answering.events.length).toBeGreaterThanOrEqual(20);
    expect(answering.events.every((event) => event.startsWith("ping"))).toBe(true);
  });

  it("judges each connection by its own silence", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    const answering = peer(watch, { answers: true });
    const silent = peer(watch);
    vi.advanceTimersByTime(60_000);
    expect(silent.events.at(-1)).toBe("drop at 8000");
    expect(answering.events.some((event) => event.startsWith("drop"))).toBe(false);
  });

  it("runs its timer only while it watches a connection", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    expect(vi.getTimerCount()).toBe(0);
    const first = peer(watch);
    const second = peer(watch, { answers: true });
    expect(vi.getTimerCount()).toBe(1);
    first.heartbeat.stop();
    expect(vi.getTimerCount()).toBe(1);
    second.heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);

    peer(watch);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(DROP_MS + PING_MS);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does nothing more to a connection once it has stopped watching it", () => {
    const watch = new HeartbeatWatch(PING_MS, DROP_MS);
    const closed = peer(watch);
    closed.heartbeat.stop();
    peer(watch);
    vi.advanceTimersByTime(60_000);
    expect(closed.events).toEqual([]);
  });
});

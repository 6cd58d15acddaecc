import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as decoding from "lib0/decoding";
import { type AwarenessEntry, encodeAwarenessMessage, readAwarenessEntries } from "../../party/guard/awarenessEntries";
import { PresenceFanOut } from "../../party/guard/presenceFanOut";

const entry = (clientId: number, clock: number): AwarenessEntry => ({ clientId, clock, json: `{"n":${clock}}` });
const presence = (...entries: AwarenessEntry[]) => encodeAwarenessMessage(entries);
const documentChange = new Uint8Array([0, 2, 1, 0]);

function entriesIn(message: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  return readAwarenessEntries(decoding.readVarUint8Array(decoder));
}

function connection(room: PresenceFanOut, own: number[] = []) {
  const received: Uint8Array[] = [];
  const outlet = room.outlet(
    (message) => received.push(message),
    ({ clientId, json }) => json !== "null" && own.includes(clientId),
  );
  return { outlet, received };
}

describe("the room's presence fan-out", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the first presence at once, and what follows within the interval merged on the next tick", () => {
    const room = new PresenceFanOut(50);
    const { outlet, received } = connection(room);
    const first = presence(entry(1, 1));
    outlet.send(first);
    expect(received).toEqual([first]);

    outlet.send(presence(entry(1, 2)));
    outlet.send(presence(entry(2, 1), entry(1, 3)));
    outlet.send(presence(entry(1, 2)));
    expect(received).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(received).toHaveLength(2);
    expect(entriesIn(received[1] as Uint8Array)).toEqual([entry(1, 3), entry(2, 1)]);
  });

  it("sends document changes at once, whatever presence waits", () => {
    const room = new PresenceFanOut(50);
    const { outlet, received } = connection(room);
    outlet.send(presence(entry(1, 1)));
    outlet.send(presence(entry(1, 2)));
    outlet.send(documentChange);
    expect(received.at(-1)).toBe(documentChange);
    expect(received).toHaveLength(2);
  });

  it("keeps each connection to about one presence message per interval, however many people move", () => {
    const room = new PresenceFanOut(50);
    const watchers = Array.from({ length: 100 }, () => connection(room));
    for (let millisecond = 0; millisecond < 1000; millisecond++) {
      // Ten people move their carets every 10 ms; y-partykit sends each change to everyone.
      if (millisecond % 10 === 0) {
        for (let person = 0; person < 10; person++) {
          const change = presence(entry(person, millisecond));
          for (const { outlet } of watchers) outlet.send(change);
        }
      }
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(50);
    for (const { received } of watchers) {
      expect(received.length).toBeLessThanOrEqual(1000 / 50 + 2);
      const newest = new Map(received.flatMap(entriesIn).map(({ clientId, clock }) => [clientId, clock]));
      expect([...newest.values()]).toEqual(Array.from({ length: 10 }, () => 990));
    }
    // Everyone waited for the same states: they got one and the same encoding.
    const lasts = new Set(watchers.map(({ received }) => received.at(-1)));
    expect(lasts.size).toBe(1);
  });

  it("leaves out the states it is told to: a connection's own, not their removal", () => {
    const room = new PresenceFanOut(50);
    const { outlet, received } = connection(room, [7]);
    outlet.send(presence(entry(7, 1)));
    expect(received).toHaveLength(0);
    outlet.send(presence(entry(7, 2), entry(2, 1)));
    expect(received.map(entriesIn)).toEqual([[entry(2, 1)]]);
    outlet.send(presence(entry(7, 3)));
    outlet.send(presence(entry(3, 1)));
    const removal = { clientId: 7, clock: 3, json: "null" };
    outlet.send(presence(removal));
    vi.advanceTimersByTime(50);
    expect(received.map(entriesIn)).toEqual([[entry(2, 1)], [entry(3, 1), removal]]);
  });

  it("sends nothing more to a connection once it stopped", () => {
    const room = new PresenceFanOut(50);
    const { outlet, received } = connection(room);
    outlet.send(presence(entry(1, 1)));
    outlet.send(presence(entry(1, 2)));
    outlet.stop();
    vi.advanceTimersByTime(100);
    expect(received).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { AwarenessOwners, type AwarenessSpeaker } from "../../party/guard/awarenessOwners";

let arrivals = 0;

function speaker(key: string | null = null): AwarenessSpeaker {
  const owned = new Set<number>();
  return { key, writer: key ?? "", owned, since: ++arrivals, disown: (clientId) => owned.delete(clientId) };
}

describe("awareness owners", () => {
  it("give a free id to the first connection that speaks for it, and to nobody else", () => {
    const owners = new AwarenessOwners();
    const alice = speaker("alice-key");
    const mallory = speaker("mallory-key");
    expect(owners.claim(alice, 1)).toBe(true);
    expect(owners.claim(alice, 1)).toBe(true);
    expect(owners.claim(mallory, 1)).toBe(false);
    expect([...alice.owned]).toEqual([1]);
  });

  it("let the same client take its id back from a lingering socket, and keep it from others after it leaves", () => {
    const owners = new AwarenessOwners();
    const lingering = speaker("tab-key");
    const reconnected = speaker("tab-key");
    const mallory = speaker(null);
    owners.claim(lingering, 1);
    expect(owners.claim(reconnected, 1)).toBe(true);
    expect(lingering.owned.has(1)).toBe(false);
    owners.release(reconnected);
    expect(owners.claim(mallory, 1)).toBe(false);
    expect(owners.claim(speaker("tab-key"), 1)).toBe(true);
  });

  it("never give an id back to a tab's older socket once its newer one took it", () => {
    const owners = new AwarenessOwners();
    const lingering = speaker("tab-key");
    const reconnected = speaker("tab-key");
    owners.claim(lingering, 1);
    owners.claim(reconnected, 1);
    expect(owners.claim(lingering, 1)).toBe(false);
    expect([...reconnected.owned]).toEqual([1]);
  });

  it("free the ids of a client without a key when it leaves", () => {
    const owners = new AwarenessOwners();
    const plain = speaker(null);
    owners.claim(plain, 5);
    expect(owners.claim(speaker(null), 5)).toBe(false);
    owners.release(plain);
    expect(owners.claim(speaker(null), 5)).toBe(true);
  });

  it("give one connection one id", () => {
    const owners = new AwarenessOwners();
    const flooder = speaker("x");
    const claimed = Array.from({ length: 1000 }, (_, id) => owners.claim(flooder, id)).filter(Boolean);
    expect(claimed.length).toBe(1);
  });
});

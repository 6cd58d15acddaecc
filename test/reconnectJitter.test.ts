import { describe, expect, it } from "vitest";
import { jitteredDelay } from "../src/collab/reconnectJitter";

describe("reconnect delays", () => {
  it("grow exponentially from 100 ms and stop growing at 2.5 s", () => {
    expect(jitteredDelay(0, () => 1)).toBe(100);
    expect(jitteredDelay(3, () => 1)).toBe(800);
    expect(jitteredDelay(10, () => 1)).toBe(2500);
  });

  it("are never less than half the exponential delay", () => {
    expect(jitteredDelay(3, () => 0)).toBe(400);
    expect(jitteredDelay(10, () => 0)).toBe(1250);
  });

  it("spread clients out", () => {
    const delays = new Set(Array.from({ length: 50 }, () => jitteredDelay(10)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

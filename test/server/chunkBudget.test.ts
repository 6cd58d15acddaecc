import { describe, expect, it } from "vitest";
import { ChunkBudget } from "../../party/guard/chunkBudget";

describe("the chunk budget", () => {
  it("gives out bytes up to its size, and takes them back", () => {
    const budget = new ChunkBudget(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.take(50)).toBe(false);
    expect(budget.take(40)).toBe(true);
    budget.give(60);
    expect(budget.take(50)).toBe(true);
  });
});

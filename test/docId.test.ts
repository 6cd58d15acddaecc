import { describe, expect, it } from "vitest";
import { isValidDocId, newDocId } from "../party/shared/docId";

describe("document ids", () => {
  it("are 22 URL-safe characters carrying 128 random bits", () => {
    const docId = newDocId();
    expect(docId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isValidDocId(docId)).toBe(true);
  });

  it("do not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, newDocId));
    expect(ids.size).toBe(10_000);
  });

  it("use the whole URL-safe alphabet, so no bits are wasted", () => {
    const seen = new Set(Array.from({ length: 2_000 }, newDocId).join(""));
    expect(seen.size).toBe(64);
  });

  it.each(["a", "A_b-9", "x".repeat(64)])("accepts %s", (docId) => {
    expect(isValidDocId(docId)).toBe(true);
  });

  it.each(["", "x".repeat(65), "has space", "slash/y", "dot.y", "colon:y", "ümlaut", "%3A"])("refuses %j", (docId) => {
    expect(isValidDocId(docId)).toBe(false);
  });
});

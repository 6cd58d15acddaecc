import { describe, expect, it } from "vitest";
import { cleanName, MAX_NAME_LENGTH, newIdentity, PALETTE, parseIdentity } from "../src/identity/friendlyIdentity";

/** A fixed sequence of "random" numbers, so choices are reproducible. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

describe("a new identity", () => {
  it("is a friendly two-word name with a palette colour and an id", () => {
    const identity = newIdentity(sequence(0, 0, 0));
    expect(identity.name).toBe("Amber Badger");
    expect(identity.color).toBe(PALETTE[0]);
    expect(identity.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("draws every part from the random source", () => {
    const identity = newIdentity(sequence(0.999, 0.999, 0.999));
    expect(identity.name).toBe("Witty Wren");
    expect(identity.color).toBe(PALETTE.at(-1));
  });

  it("always has a colour the caret accepts", () => {
    for (const color of PALETTE) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("names as typed", () => {
  it("are trimmed and single-spaced", () => {
    expect(cleanName("  Ada   Lovelace ")).toBe("Ada Lovelace");
  });

  it("are cut to the longest name kept", () => {
    expect(cleanName("x".repeat(100))).toHaveLength(MAX_NAME_LENGTH);
  });

  it("are refused when nothing is left", () => {
    expect(cleanName("   ")).toBeNull();
  });

  it("keep their characters, markup included, for display as text", () => {
    expect(cleanName("<b>Bold</b>")).toBe("<b>Bold</b>");
  });
});

describe("a stored identity", () => {
  it("is kept when whole", () => {
    const identity = { id: "i", name: "Ada", color: "#123abc" };
    expect(parseIdentity(identity)).toEqual(identity);
  });

  it.each([
    null,
    "text",
    { id: "i", name: "", color: "#123abc" },
    { id: "i", name: "Ada", color: "red" },
    { name: "Ada" },
  ])("is refused when %j", (stored) => {
    expect(parseIdentity(stored)).toBeNull();
  });
});

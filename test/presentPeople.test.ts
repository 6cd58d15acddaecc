import { describe, expect, it } from "vitest";
import { presentPeople, samePeople } from "../src/collab/presentPeople";

const SELF = 1;

describe("who is present", () => {
  it("lists yourself first, then others by name", () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: "Zoe", color: "#000001", id: "z" } }],
      [SELF, { user: { name: "Me", color: "#000002", id: "me" } }],
      [2, { user: { name: "Ann", color: "#000003", id: "a" } }],
    ]);
    expect(presentPeople(states, SELF, "edit").map(({ name, isSelf }) => [name, isSelf])).toEqual([
      ["Me", true],
      ["Ann", false],
      ["Zoe", false],
    ]);
  });

  it("counts one person's several tabs once, and your other tabs as you", () => {
    const states = new Map<number, unknown>([
      [SELF, { user: { name: "Me", color: "#000002", id: "me" } }],
      [5, { user: { name: "Me", color: "#000002", id: "me" } }],
      [6, { user: { name: "Ann", color: "#000003", id: "a" } }],
      [7, { user: { name: "Ann", color: "#000003", id: "a" } }],
    ]);
    const people = presentPeople(states, SELF, "edit");
    expect(people).toHaveLength(2);
    expect(people[0]).toMatchObject({ name: "Me", isSelf: true });
  });

  it("gives clients without an identity id an entry each", () => {
    const states = new Map<number, unknown>([
      [8, { user: { name: "Bot", color: "#000004" } }],
      [9, { user: { name: "Bot", color: "#000004" } }],
    ]);
    expect(presentPeople(states, SELF, "edit")).toHaveLength(2);
  });

  it("skips states without a user and tames bad names and colours", () => {
    const states = new Map<number, unknown>([
      [10, {}],
      [11, null],
      [12, { user: { name: 42 } }],
      [13, { user: { name: "x".repeat(500), color: "url(javascript:alert(1))" } }],
    ]);
    const people = presentPeople(states, SELF, "edit");
    expect(people).toHaveLength(1);
    expect(people[0]?.name).toHaveLength(80);
    expect(people[0]?.color).toBe("#6b7280");
  });

  it("shows each person's role as the server stamped it, the most of their tabs, and yours as given", () => {
    const states = new Map<number, unknown>([
      [SELF, { user: { name: "Me", color: "#000002", id: "me" } }],
      [2, { user: { name: "Ann", color: "#000003", id: "a" }, role: "view" }],
      [3, { user: { name: "Ann", color: "#000003", id: "a" }, role: "comment" }],
      [4, { user: { name: "Bo", color: "#000004", id: "b" }, role: "nonsense" }],
    ]);
    expect(presentPeople(states, SELF, "view").map(({ name, role }) => [name, role])).toEqual([
      ["Me", "view"],
      ["Ann", "comment"],
      ["Bo", "edit"],
    ]);
  });

  it("tells a caret move from a change of who is here or how they show", () => {
    const states = new Map<number, unknown>([
      [SELF, { user: { name: "Me", color: "#000002", id: "me" }, cursor: { anchor: 1 } }],
      [2, { user: { name: "Ann", color: "#000003", id: "a" } }],
    ]);
    const before = presentPeople(states, SELF, "edit");
    states.set(SELF, { user: { name: "Me", color: "#000002", id: "me" }, cursor: { anchor: 2 } });
    expect(samePeople(before, presentPeople(states, SELF, "edit"))).toBe(true);
    const ann = states.get(2);
    states.set(2, { user: { name: "Ann B.", color: "#000003", id: "a" } });
    expect(samePeople(before, presentPeople(states, SELF, "edit"))).toBe(false);
    states.set(2, { user: { name: "Ann", color: "#000004", id: "a" } });
    expect(samePeople(before, presentPeople(states, SELF, "edit"))).toBe(false);
    states.set(2, ann);
    expect(samePeople(before, presentPeople(states, SELF, "comment"))).toBe(false);
    states.delete(2);
    expect(samePeople(before, presentPeople(states, SELF, "edit"))).toBe(false);
  });
});

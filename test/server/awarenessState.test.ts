import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { awarenessStateProblem } from "../../party/awarenessState";

const doc = new Y.Doc();
doc.getText("t").insert(0, "abc");
const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getText("t"), 1));

describe("awareness states", () => {
  it.each([
    ["a removal", null],
    [
      "a caret user with a cursor",
      { user: { name: "Ada", color: "#112233", id: "x" }, cursor: { anchor: position, head: position } },
    ],
    ["a user whose cursor is away", { user: { name: "Ada", color: "#112233" }, cursor: null }],
    ["a plain tool's state", { user: { name: "Bot" }, anything: [1, 2, 3] }],
    ["an empty state", {}],
  ])("may pass: %s", (_what, state) => {
    expect(awarenessStateProblem(JSON.stringify(state))).toBeNull();
  });

  it.each([
    ["a string user", { user: "Ada" }],
    ["a user without a name", { user: { color: "#112233" } }],
    ["a numeric colour", { user: { name: "Ada", color: 7 } }],
    ["an overlong name", { user: { name: "x".repeat(201) } }],
    ["an empty cursor", { user: { name: "Ada" }, cursor: {} }],
    ["a cursor with a bad anchor", { cursor: { anchor: { item: "x" }, head: position } }],
    ["an array", [1, 2]],
    ["a number", 5],
    ["a huge state", { user: { name: "Ada" }, padding: "x".repeat(5000) }],
  ])("may not pass: %s", (_what, state) => {
    expect(awarenessStateProblem(JSON.stringify(state))).not.toBeNull();
  });
});

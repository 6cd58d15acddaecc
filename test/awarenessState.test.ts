import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { awarenessStateProblem } from "../party/shared/awarenessState";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";

const doc = new Y.Doc();
const body = doc.getXmlFragment(DOCUMENT_FIELD);
body.insert(0, [new Y.XmlText("abc")]);
const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(body.get(0) as Y.XmlText, 1));
const atEnd = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(body, 1));

describe("awareness states", () => {
  it.each([
    ["a removal", null],
    [
      "a caret user with a cursor",
      { user: { name: "Ada", color: "#112233", id: "x" }, cursor: { anchor: position, head: position } },
    ],
    [
      "a caret at the end of the body",
      { user: { name: "Ada", color: "#112233" }, cursor: { anchor: atEnd, head: atEnd } },
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
    ["a cursor of empty positions (Yjs throws on them)", { cursor: { anchor: {}, head: {} } }],
    ["a cursor in another root (Yjs would create it)", { cursor: { anchor: { tname: "x" }, head: { tname: "x" } } }],
    ["a cursor with a negative clock", { cursor: { anchor: { item: { client: 1, clock: -1 } }, head: position } }],
    ["a colour that is not #rrggbb", { user: { name: "Ada", color: "red; background: url(//x)" } }],
    ["a non-string id", { user: { name: "Ada", color: "#112233", id: 5 } }],
    ["text that is not JSON", "{nope"],
    ["an array", [1, 2]],
    ["a number", 5],
    ["a huge state", { user: { name: "Ada" }, padding: "x".repeat(5000) }],
  ])("may not pass: %s", (_what, state) => {
    expect(awarenessStateProblem(state === "{nope" ? state : JSON.stringify(state))).not.toBeNull();
  });
});

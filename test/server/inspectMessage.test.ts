import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { inspectMessage } from "../../party/guard/inspectMessage";

function message(...parts: (number | Uint8Array | string)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === "number") encoding.writeVarUint(encoder, part);
    else if (typeof part === "string") encoding.writeVarString(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function awarenessUpdate(state: string): Uint8Array {
  return message(1, 7, 1, state);
}

const doc = new Y.Doc();
doc.getText("t").insert(0, "hello");
const update = Y.encodeStateAsUpdate(doc);

describe("a client message", () => {
  it("is an update when it carries a whole Yjs update, as sync step 2 or as an update", () => {
    expect(inspectMessage(message(0, 1, update))).toMatchObject({ kind: "update", update });
    expect(inspectMessage(message(0, 2, update))).toMatchObject({ kind: "update", update });
  });

  it("is a query when it asks for state", () => {
    expect(inspectMessage(message(0, 0, Y.encodeStateVector(doc)))).toEqual({ kind: "query" });
    expect(inspectMessage(message(3))).toEqual({ kind: "query" });
  });

  it("is awareness, entry by entry, when the awareness update is whole", () => {
    expect(inspectMessage(message(1, awarenessUpdate('{"user":{"name":"A"}}')))).toEqual({
      kind: "awareness",
      entries: [{ clientId: 7, clock: 1, json: '{"user":{"name":"A"}}' }],
    });
  });

  it.each([
    ["empty", new Uint8Array()],
    ["an unknown type", message(9)],
    ["an unknown sync step", message(0, 5, update)],
    ["a truncated update", message(0, 2, update.slice(0, -2))],
    ["an update with bytes after it", new Uint8Array([...message(0, 2, update), 0])],
    ["a length running past the end", new Uint8Array([0, 2, 200, 1, 2])],
    ["awareness with bytes after it", message(1, new Uint8Array([...awarenessUpdate("null"), 9]))],
    ["a query with bytes after it", message(3, 1)],
  ])("is invalid when %s", (_what, bytes) => {
    expect(inspectMessage(bytes).kind).toBe("invalid");
  });
});

import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { Echoes } from "../../party/guard/echoes";

/** An update message as y-partykit sends one out. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe("what a connection is not sent back of its own", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function room() {
    const doc = new Y.Doc();
    const connection = { name: "A" };
    const echoes = new Echoes(doc, connection, (clientId) => clientId === 7);
    const change = (origin: unknown) => {
      let sent: Uint8Array | undefined;
      const listen = (update: Uint8Array) => (sent = updateMessage(update));
      doc.on("update", listen);
      doc.transact(() => doc.getText("t").insert(0, "x"), origin);
      doc.off("update", listen);
      return sent!;
    };
    return { echoes, connection, change };
  }

  it("leaves out its own change and its own presence, not others' nor a removal of its own", () => {
    const { echoes, connection, change } = room();
    expect(echoes.isOwnChange(change(connection))).toBe(true);
    expect(echoes.isOwnChange(change({ name: "B" }))).toBe(false);
    expect(echoes.isOwnChange(change("server"))).toBe(false);
    expect(echoes.isOwnState(7, '{"user":{}}')).toBe(true);
    expect(echoes.isOwnState(8, '{"user":{}}')).toBe(false);
    expect(echoes.isOwnState(7, "null")).toBe(false);
  });

  it("sends an echo once the connection has been sent nothing for ten seconds, so its client keeps the socket", () => {
    const { echoes, connection, change } = room();
    vi.advanceTimersByTime(9_999);
    expect(echoes.isOwnState(7, "{}")).toBe(true);
    vi.advanceTimersByTime(1);
    expect(echoes.isOwnChange(change(connection))).toBe(false);
    expect(echoes.isOwnState(7, "{}")).toBe(false);
    echoes.sent();
    expect(echoes.isOwnState(7, "{}")).toBe(true);
  });
});

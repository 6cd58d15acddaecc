import * as Y from "yjs";
import { expect, test } from "./people";
import { connectPartyKitClient, synced, type YjsClient } from "./yjsClients";

// Your caret is yours: a collaborator's typing, caret and reconnects never move it, and never swallow a key.

/** Rounds per engine: Chromium lost 4 to 8 keys in 250 before the fix, Firefox none, so Firefox's run is shorter. */
const ROUNDS: Record<string, number> = { chromium: 200, firefox: 100 };

/**
 * Another person, busy in the second paragraph every 8 ms: by turns typing or deleting a character
 * at its end (so the line stays short) and jumping their caret to its start, so both changes to the
 * document and a caret that only moves reach the page; reconnecting now and then.
 */
function workNonstop(bob: YjsClient): { stop: () => { ticks: number; line: string } } {
  const line = (bob.body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  const caretAt = (index: number) => {
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(line, index));
    bob.provider.awareness.setLocalStateField("cursor", { anchor: at, head: at });
  };
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    if (ticks % 4 === 1) line.insert(line.length, "b");
    if (ticks % 4 === 3) line.delete(line.length - 1, 1);
    caretAt(ticks % 2 === 0 ? 0 : line.length);
    if (ticks % 200 === 0) {
      bob.provider.disconnect();
      void bob.provider.connect();
    }
  }, 8);
  return {
    stop: () => {
      clearInterval(timer);
      return { ticks, line: line.toString() };
    },
  };
}

test("with a collaborator typing and moving their caret nonstop, Ctrl+Home, End and a key lands every character at the line's end", async ({
  alice,
  baseURL,
  docId,
}) => {
  const rounds = ROUNDS[alice.engine] ?? 200;
  test.setTimeout(180_000);
  // End goes to the end of the line on screen: keep the first paragraph one line, however long it grows.
  await alice.page.addStyleTag({ content: ".document-body p:first-child { white-space: nowrap; }" });
  await alice.typeAtEnd("Alice's line:");
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type("Bob's line:");
  const bob = connectPartyKitClient(baseURL ?? "", docId);
  try {
    bob.provider.awareness.setLocalStateField("user", { name: "Bob", color: "#0b7285" });
    await synced(bob);
    await expect.poll(() => bob.body.length).toBe(2);

    const working = workNonstop(bob);
    await alice.page.keyboard.press("ControlOrMeta+Home");
    let bobsWork: { ticks: number; line: string };
    try {
      for (let round = 0; round < rounds; round += 1) {
        await alice.page.keyboard.press("ControlOrMeta+Home");
        await alice.page.keyboard.press("End");
        await alice.page.keyboard.type("a");
      }
    } finally {
      bobsWork = working.stop();
    }
    expect(bobsWork.ticks).toBeGreaterThan(rounds * 4);
    await expect
      .poll(() => Promise.all([alice.text("p:first-child"), alice.text("p:nth-child(2)")]))
      .toEqual(["Alice's line:" + "a".repeat(rounds), bobsWork.line]);
  } finally {
    bob.close();
  }
});

import * as Y from "yjs";
import { expect, test } from "./people";
import { connectPartyKitClient, synced, type YjsClient } from "./yjsClients";

// Your caret is yours: a collaborator's typing, caret and reconnects never move it, and never swallow a key.

const ROUNDS = 250;

/** Another person, typing nonstop at the end of the second paragraph with their caret following, reconnecting now and then. */
function typeNonstop(bob: YjsClient): { stop: () => Promise<number> } {
  const line = (bob.body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  let typed = 0;
  const timer = setInterval(() => {
    line.insert(line.length, "b");
    typed += 1;
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(line, line.length));
    bob.provider.awareness.setLocalStateField("cursor", { anchor: at, head: at });
    if (typed % 100 === 0) {
      bob.provider.disconnect();
      void bob.provider.connect();
    }
  }, 8);
  return {
    stop: async () => {
      clearInterval(timer);
      return typed;
    },
  };
}

test("with a collaborator typing nonstop, Ctrl+Home, End and a key lands every character at the line's end", async ({
  alice,
  baseURL,
  docId,
}) => {
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

    const typing = typeNonstop(bob);
    await alice.page.keyboard.press("ControlOrMeta+Home");
    let bobTyped: number;
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        await alice.page.keyboard.press("ControlOrMeta+Home");
        await alice.page.keyboard.press("End");
        await alice.page.keyboard.type("a");
      }
    } finally {
      bobTyped = await typing.stop();
    }
    expect(bobTyped).toBeGreaterThan(ROUNDS);
    await expect
      .poll(() => alice.editor.locator("p").evaluateAll((lines) => lines.map((line) => line.firstChild?.textContent)))
      .toEqual(["Alice's line:" + "a".repeat(ROUNDS), "Bob's line:" + "b".repeat(bobTyped)]);
  } finally {
    bob.close();
  }
});

import * as Y from "yjs";
import { CloseCode } from "../party/shared/closeCodes";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { newDocId } from "../party/shared/docId";
import { expect, test } from "./people";
import { NO_BROWSER } from "./projectTags";
import { sendFrames, syncMessage } from "./rawFrames";
import {
  connectPartyKitClient,
  connectYjsClient,
  openRawSocket,
  paragraphOf,
  refusalOf,
  synced,
  type YjsClient,
} from "./yjsClients";

test("a standard Yjs client reads, writes and shows up in presence", async ({ alice, baseURL, docId }) => {
  await alice.typeAtEnd("Typed in the browser.");

  const bot = connectYjsClient(baseURL ?? "", docId);
  try {
    bot.provider.awareness.setLocalStateField("user", { name: "Script Bot", color: "#0b7285" });
    await expect.poll(() => bot.body.toString()).toBe("<paragraph>Typed in the browser.</paragraph>");

    bot.write("Written by a script.");

    await expect.poll(() => alice.text()).toBe("Typed in the browser.Written by a script.");
    await expect(alice.presence.filter({ hasText: "Script Bot" })).toHaveCount(1);
  } finally {
    bot.close();
  }
  await expect(alice.presence).toHaveCount(1);
});

test("a change over 1 MB travels in chunks and arrives whole", { tag: NO_BROWSER }, async ({ baseURL, docId }) => {
  const writer = connectPartyKitClient(baseURL ?? "", docId);
  const reader = connectYjsClient(baseURL ?? "", docId);
  try {
    // Random letters do not compress, so the update really is over the 1 MB chunk size.
    const text = Array.from({ length: 1_200_000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
      "",
    );
    writer.write(text);
    await expect.poll(() => reader.body.toString().length, { timeout: 30_000 }).toBe(writer.body.toString().length);
    expect(reader.body.toString()).toBe(writer.body.toString());
  } finally {
    writer.close();
    reader.close();
  }
});

test(
  "a change goes to everyone but its sender, who has it already",
  { tag: NO_BROWSER },
  async ({ baseURL, docId }) => {
    const reader = connectYjsClient(baseURL ?? "", docId);
    const sender = await openRawSocket(baseURL ?? "", docId);
    try {
      await synced(reader);
      const updatesToSender: Buffer[] = [];
      sender.socket.on("message", (data: Buffer) => {
        if (data[0] === 0 && data[1] === 2) updatesToSender.push(data);
      });
      const change = new Y.Doc();
      change.getXmlFragment(DOCUMENT_FIELD).push([paragraphOf("From the sender.")]);
      // The state request sendFrames ends with is answered after the change was handled, and so after its echo would have come.
      expect(await sendFrames(sender, [syncMessage(2, Y.encodeStateAsUpdate(change))])).toBeNull();
      await expect.poll(() => reader.body.toString()).toContain("From the sender.");
      expect(updatesToSender).toHaveLength(0);
      // Someone else's change does reach it.
      reader.write("From the reader.");
      await expect.poll(() => updatesToSender.length).toBe(1);
    } finally {
      sender.socket.close();
      reader.close();
    }
  },
);

test(
  "someone alone in a document keeps one connection, idle or typing: the server's silence is never taken for a dead socket",
  { tag: NO_BROWSER },
  async ({ baseURL, docId }) => {
    // Yjs providers connect again after 30 s without a binary message; alone, one hears only echoes.
    test.setTimeout(60_000);
    const idle = connectYjsClient(baseURL ?? "", docId);
    const typist = connectPartyKitClient(baseURL ?? "", newDocId());
    const connects = new Map<YjsClient, number>();
    const typing = setInterval(() => typist.write("x"), 500);
    try {
      for (const client of [idle, typist]) {
        connects.set(client, 0);
        client.provider.on("status", ({ status }: { status: string }) => {
          if (status === "connected") connects.set(client, connects.get(client)! + 1);
        });
      }
      await Promise.all([synced(idle), synced(typist)]);
      await new Promise((resolve) => setTimeout(resolve, 35_000));
      expect([...connects.values()]).toEqual([1, 1]);
      expect(typist.body.length).toBeGreaterThan(60);
    } finally {
      clearInterval(typing);
      idle.close();
      typist.close();
    }
  },
);

test(
  "a plain client told to sync again reconnects by itself, and what it wrote arrives",
  { tag: NO_BROWSER },
  async ({ baseURL, docId }) => {
    // Written before connecting, so the server lacks the first change when the second comes alone.
    const doc = new Y.Doc();
    const paragraph = paragraphOf("first");
    doc.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
    const beforeSecond = Y.encodeStateVector(doc);
    (paragraph.get(0) as Y.XmlText).insert(5, " second");
    const second = Y.encodeStateAsUpdate(doc, beforeSecond);

    const writer = connectYjsClient(baseURL ?? "", docId, doc);
    const reader = connectYjsClient(baseURL ?? "", docId);
    try {
      const refused = refusalOf(writer);
      const sendSecond = ({ status }: { status: string }) => {
        if (status !== "connected") return;
        writer.provider.off("status", sendSecond);
        writer.provider.ws?.send(new Uint8Array(syncMessage(2, second)));
      };
      writer.provider.on("status", sendSecond);
      expect((await refused).code).toBe(CloseCode.outOfSync);
      await synced(reader);
      await expect.poll(() => reader.body.toString()).toBe("<paragraph>first second</paragraph>");
      expect(writer.provider.shouldConnect).toBe(true);
    } finally {
      writer.close();
      reader.close();
    }
  },
);

test("an address another client types stays as it was written: the reader's editor does not link it for them", async ({
  alice,
  baseURL,
  docId,
}) => {
  const bot = connectYjsClient(baseURL ?? "", docId);
  try {
    await synced(bot);
    bot.write("");
    const run = (bot.body.get(bot.body.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
    // Key by key, as typing arrives: the space after the address is what sets off autolinking.
    for (const character of "See https://example.com/ then more") run.insert(run.length, character);
    await expect.poll(() => alice.text()).toBe("See https://example.com/ then more");
    await expect(alice.editor.locator("a")).toHaveCount(0);
    // Once Alice's own next edit reaches the client, so would have any link her editor added.
    await alice.typeAtEnd("!");
    await expect.poll(() => bot.body.toString()).toContain("then more!");
    expect(bot.body.toString()).not.toContain("link");
  } finally {
    bot.close();
  }
});

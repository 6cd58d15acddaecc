import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { expect, test } from "./people";

/** A plain Yjs client, y-websocket's provider, as another tool would join a document. */
function connectYjsClient(baseURL: string, docPath: string) {
  const doc = new Y.Doc();
  const room = `doc:${docPath.split("/").pop()}`;
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/parties/main`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

test("a standard Yjs client reads, writes and shows up in presence", async ({ alice, baseURL, docPath }) => {
  await alice.typeAtEnd("Typed in the browser.");

  const { doc, provider } = connectYjsClient(baseURL ?? "", docPath);
  try {
    provider.awareness.setLocalStateField("user", { name: "Script Bot", color: "#0b7285" });
    const body = doc.getXmlFragment(DOCUMENT_FIELD);
    await expect.poll(() => body.toString()).toBe("<paragraph>Typed in the browser.</paragraph>");

    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Written by a script.")]);
    body.push([paragraph]);

    await expect.poll(() => alice.text()).toBe("Typed in the browser.Written by a script.");
    await expect(alice.presence.filter({ hasText: "Script Bot" })).toHaveCount(1);
  } finally {
    provider.destroy();
    doc.destroy();
  }
  await expect(alice.presence).toHaveCount(1);
});

import { request as httpRequest } from "node:http";
import * as Y from "yjs";
import { CLIENT_KEY_PARAM } from "../party/shared/awarenessState";
import { DOCUMENT_FIELD, MAX_STORED_TITLE_LENGTH, TITLE_FIELD } from "../party/shared/collabSchema";
import { CloseCode } from "../party/shared/closeCodes";
import { documentApiPath } from "../party/shared/roomName";
import { WRITER_KEY_PARAM } from "../party/shared/writerKey";
import { expect, test } from "./people";
import { awarenessMessage, sendFrames, syncMessage } from "./rawFrames";
import {
  connectPartyKitClient,
  connectYjsClient,
  openRawSocket,
  paragraphOf,
  refusalOf,
  synced,
  type YjsClient,
} from "./yjsClients";
import { NO_BROWSER } from "./projectTags";

// One bad client can never hurt anyone: each case below once broke every editor in the room,
// lost text or exhausted the server, and is kept as a regression test.

const clients: YjsClient[] = [];
test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function yjsClient(baseURL: string | undefined, docId: string, connect = connectYjsClient): Promise<YjsClient> {
  const client = connect(baseURL ?? "", docId);
  clients.push(client);
  await synced(client);
  return client;
}

/** The client id under which a person's browser publishes presence, as another client sees it. */
function clientIdOf(observer: YjsClient, name: string): number {
  const entry = [...observer.provider.awareness.getStates()].find(
    ([, state]) => (state as { user?: { name?: string } }).user?.name === name,
  );
  if (!entry) throw new Error(`${name} is not present`);
  return entry[0];
}

const MALLORY = { name: "Mallory", color: "#ff0000" };

test("1. an awareness cursor of empty positions is refused, and every editor keeps showing edits", async ({
  alice,
  bob,
  docId,
  baseURL,
}) => {
  await alice.typeAtEnd("Alice's paragraph.");
  await expect.poll(() => bob.text()).toBe("Alice's paragraph.");

  const raw = await openRawSocket(baseURL ?? "", docId);
  const closed = await sendFrames(raw, [
    awarenessMessage([777, 1, { user: MALLORY, cursor: { anchor: {}, head: {} } }]),
  ]);
  expect(closed?.code).toBe(1007);
  expect(closed?.reason).toContain("cursor");

  await bob.typeAtEnd(" Bob goes on.");
  await expect.poll(() => alice.text()).toBe("Alice's paragraph. Bob goes on.");
  await expect(alice.presence).toHaveCount(2);
  const carol = await yjsClient(baseURL, docId);
  expect(carol.body.toString()).toContain("Alice's paragraph. Bob goes on.");
});

test("2. a link whose href is a number is refused; a newcomer sees everything and saves what they type", async ({
  alice,
  join,
  docId,
  baseURL,
}) => {
  await alice.typeAtEnd("Before the link.");
  const mallory = await yjsClient(baseURL, docId);
  const refusal = refusalOf(mallory);
  mallory.body.push([paragraphOf("a link", { link: { href: 5 } })]);
  const { code, reason } = await refusal;
  expect(code).toBe(1007);
  expect(reason).toContain("link.href");
  mallory.provider.disconnect();

  const carol = await join("Carol");
  await expect.poll(() => carol.text()).toBe("Before the link.");
  await carol.typeAtEnd(" Carol's words.");
  await expect.poll(() => alice.text()).toBe("Before the link. Carol's words.");
});

test("3. reading over HTTP changes nothing, appending only adds, and unknown content never gets in", async ({
  alice,
  request,
  docId,
  baseURL,
}) => {
  await alice.typeAtEnd("Kept as it is.");
  const observer = await yjsClient(baseURL, docId);
  const updates: Uint8Array[] = [];
  observer.doc.on("update", (update: Uint8Array) => updates.push(update));

  for (const format of ["markdown", "html", "json", "text"]) {
    expect((await request.get(`${documentApiPath(docId)}?format=${format}`)).ok()).toBe(true);
  }
  const appended = await request.post(documentApiPath(docId), {
    headers: { "Content-Type": "text/markdown" },
    data: "Appended **over HTTP**.",
  });
  expect(appended.ok()).toBe(true);
  await expect.poll(() => alice.text()).toBe("Kept as it is.Appended over HTTP.");
  expect(updates).toHaveLength(1);
  expect(Y.decodeUpdate(updates[0]!).ds.clients.size).toBe(0);

  const mallory = await yjsClient(baseURL, docId);
  const refusal = refusalOf(mallory);
  mallory.body.push([paragraphOf("blinking", { blink: {} }), new Y.XmlElement("marquee")]);
  expect((await refusal).reason).toContain('unknown mark "blink"');
  expect((await request.get(`${documentApiPath(docId)}?format=text`)).ok()).toBe(true);
  await expect.poll(() => alice.text()).toBe("Kept as it is.Appended over HTTP.");
});

test("4. no connection can speak for another person's presence", async ({ alice, bob, docId, baseURL }) => {
  await alice.typeAtEnd("Alice is here.");
  await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice");
  const observer = await yjsClient(baseURL, docId);
  const aliceId = clientIdOf(observer, "Alice");

  const raw = await openRawSocket(baseURL ?? "", docId);
  const forged = awarenessMessage([aliceId, 1_000_000, { user: MALLORY }]);
  // Mallory's own presence goes out after the forgery: once Bob shows it, the forgery was handled.
  const own = awarenessMessage([4242, 1, { user: { ...MALLORY, name: "Mallory herself" } }]);
  expect(await sendFrames(raw, [forged, own])).toBeNull();
  await expect(bob.presence.filter({ hasText: "Mallory herself" })).toHaveCount(1);

  await expect(bob.presence.filter({ hasText: "Alice" })).toHaveCount(1);
  await expect(bob.presence.filter({ hasText: /^Mallory$/ })).toHaveCount(0);
  expect((observer.provider.awareness.getStates().get(aliceId) as { user: { name: string } }).user.name).toBe("Alice");
  await expect(alice.page.locator('[data-testid=presence-user][data-self="true"]')).toContainText("Alice");
  raw.socket.close();
});

test("4. a tab that reconnects with its client key keeps its presence when its old socket goes, and loses it with the new", async ({
  docId,
  baseURL,
}) => {
  const observer = await yjsClient(baseURL, docId);
  const key = `?${CLIENT_KEY_PARAM}=tab-secret`;
  const lingering = await openRawSocket(baseURL ?? "", docId, key);
  expect(await sendFrames(lingering, [awarenessMessage([777, 1, { user: { ...MALLORY, name: "Dana" } }])])).toBeNull();
  const reconnected = await openRawSocket(baseURL ?? "", docId, key);
  const renamed = { user: { ...MALLORY, name: "Dana, reconnected" } };
  expect(await sendFrames(reconnected, [awarenessMessage([777, 2, renamed])])).toBeNull();
  await expect
    .poll(() => (observer.provider.awareness.getStates().get(777) as typeof renamed)?.user.name)
    .toBe("Dana, reconnected");
  lingering.socket.close();
  await lingering.closed;
  // Someone else's presence, sent after the old socket went: once it shows, that close was handled.
  const other = await openRawSocket(baseURL ?? "", docId);
  expect(await sendFrames(other, [awarenessMessage([888, 1, { user: MALLORY }])])).toBeNull();
  await expect.poll(() => observer.provider.awareness.getStates().has(888)).toBe(true);
  expect((observer.provider.awareness.getStates().get(777) as typeof renamed | undefined)?.user.name).toBe(
    "Dana, reconnected",
  );
  reconnected.socket.close();
  // With the socket that last spoke for it, not when Yjs times it out 30 s later.
  await expect.poll(() => observer.provider.awareness.getStates().has(777)).toBe(false);
  other.socket.close();
});

test("5. a flood of invented client ids reaches nobody", async ({ alice, docId, baseURL }) => {
  await alice.typeAtEnd("Alice is here.");
  const observer = await yjsClient(baseURL, docId);
  const raw = await openRawSocket(baseURL ?? "", docId);
  const frames = Array.from({ length: 40 }, (_, frame) =>
    awarenessMessage(
      ...Array.from({ length: 12_000 }, (_, entry): [number, number, unknown] => [
        1_000_000 + frame * 12_000 + entry,
        1,
        { user: MALLORY },
      ]),
    ),
  );
  expect(await sendFrames(raw, frames)).toBeNull();
  await expect.poll(() => observer.provider.awareness.getStates().size).toBeGreaterThan(2);
  // Alice, the observer, and the one id a connection may own.
  expect(observer.provider.awareness.getStates().size).toBe(3);
  await expect(alice.presence).toHaveCount(2);
  raw.socket.close();
});

test("6. someone's own newest presence is never dropped for an echo of someone else's", async ({
  alice,
  bob,
  docId,
  baseURL,
}) => {
  await alice.typeAtEnd("Alice is here.");
  const observer = await yjsClient(baseURL, docId);
  const aliceId = clientIdOf(observer, "Alice");
  const echo = awarenessMessage([aliceId, 1, observer.provider.awareness.getStates().get(aliceId)]);
  const raw = await openRawSocket(baseURL ?? "", docId);
  const renamer = 5151;
  // Within one throttle interval: a state, the rename, then the echo the provider sends after it.
  const frames = [
    awarenessMessage([renamer, 1, { user: { ...MALLORY, name: "Before the rename" } }]),
    awarenessMessage([renamer, 2, { user: { ...MALLORY, name: "After the rename" } }]),
    echo,
  ];
  expect(await sendFrames(raw, frames)).toBeNull();
  await expect(bob.presence.filter({ hasText: "After the rename" })).toHaveCount(1);
  raw.socket.close();
});

test.describe("with a small document limit", () => {
  const MAX_DOCUMENT_BYTES = 200_000;
  test.use({ serverVars: { COWRITE_MAX_DOCUMENT_BYTES: MAX_DOCUMENT_BYTES } });

  test("7. deletions that split text cannot take the state past the limit, and resending what the server has is never refused", async ({
    server,
    docId,
  }) => {
    test.setTimeout(120_000);
    const writer = await yjsClient(server.url, docId, connectPartyKitClient);
    const bystander = await yjsClient(server.url, docId, connectPartyKitClient);
    let bystanderRefused = false;
    void refusalOf(bystander).then(({ code }) => (bystanderRefused = code === 4413));
    const text = new Y.XmlText("x".repeat(100_000));
    const block = new Y.XmlElement("paragraph");
    block.insert(0, [text]);
    writer.body.push([block]);
    await expect.poll(() => bystander.body.toString().length).toBe(writer.body.toString().length);

    const refusal = refusalOf(writer);
    let refused: { code: number } | null = null;
    void refusal.then((closed) => (refused = closed));
    // Every other character, a thousand a time: each deletion splits the text once more.
    for (let round = 0; round < 50 && !refused; round++) {
      writer.doc.transact(() => {
        for (let cut = 0; cut < 1000; cut++) text.delete(round * 1000 + cut + 1, 1);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await refusal).code).toBe(4413);
    writer.provider.disconnect();

    const reader = await yjsClient(server.url, docId);
    expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES * 1.1);

    // After a restart the bystander syncs again, sending its whole delete set: nothing new.
    await server.restart();
    await expect.poll(() => bystander.provider.wsconnected, { timeout: 30_000 }).toBe(true);
    const afterRestart = await yjsClient(server.url, docId);
    await expect.poll(() => afterRestart.body.toString()).toBe(bystander.body.toString());
    expect(bystanderRefused).toBe(false);
  });
});

test(
  "8. request bodies are counted as they stream, titles are bounded on every path, and file names are encoded",
  { tag: NO_BROWSER },
  async ({ request, docId, baseURL }) => {
    // A chunked body with no Content-Length is refused once it passes the limit, not after it ends.
    const url = new URL(`${documentApiPath(docId)}?title=x`, baseURL);
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest(url, { method: "POST", headers: { "Content-Type": "text/markdown" } }, (response) =>
        resolve(response.statusCode ?? 0),
      );
      upload.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = () => {
        while (sent < 64 * 1024 * 1024 && upload.write(chunk)) sent += chunk.length;
      };
      upload.on("drain", pump);
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(32 * 1024 * 1024);

    const titled = await request.put(`${documentApiPath(docId)}?title=${encodeURIComponent("Bob's (draft) notes")}`, {
      headers: { "Content-Type": "text/markdown" },
      data: "Text.",
    });
    expect(titled.ok()).toBe(true);
    const read = await request.get(`${documentApiPath(docId)}?format=markdown`);
    expect(read.headers()["content-disposition"]).toBe("inline; filename*=UTF-8''Bob%27s%20%28draft%29%20notes.md");

    const titler = await yjsClient(baseURL, docId);
    const refusal = refusalOf(titler);
    titler.doc.getText(TITLE_FIELD).insert(0, "t".repeat(MAX_STORED_TITLE_LENGTH));
    const { code, reason } = await refusal;
    expect(code).toBe(1007);
    expect(reason).toContain("title");
    const after = await request.get(`${documentApiPath(docId)}?format=text`);
    expect(after.ok()).toBe(true);
  },
);

test("9. nobody can add changes under another writer's client ids, while a browser's own later sessions can", async ({
  alice,
  docId,
  baseURL,
}) => {
  await alice.typeAtEnd("Alice's words.");
  const observer = await yjsClient(baseURL, docId);
  await expect.poll(() => observer.body.toString()).toContain("Alice's words.");
  const aliceId = clientIdOf(observer, alice.name);

  // Mallory writes under Alice's client id, at the clock Alice's next keystroke would take
  // (Yjs itself would move a well-behaved client off an id it sees someone else use).
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(observer.doc));
  const before = Y.encodeStateVector(forged);
  forged.clientID = aliceId;
  forged.getXmlFragment(DOCUMENT_FIELD).push([paragraphOf("Mallory, signed as Alice.")]);
  const update = syncMessage(2, Y.encodeStateAsUpdate(forged, before));
  for (const query of [`?${WRITER_KEY_PARAM}=mallory`, ""]) {
    const closed = await sendFrames(await openRawSocket(baseURL ?? "", docId, query), [update]);
    expect(closed?.code).toBe(CloseCode.foreignClientId);
    expect(closed?.reason).toContain("another writer");
  }
  // Nor under an id someone's presence speaks for before they write (the observer has written
  // nothing), nor past a clock the server has not reached, where Yjs would hold it unseen.
  const squat = (client: number, skipped: number) => {
    const draft = new Y.Doc();
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(observer.doc));
    draft.clientID = client;
    draft.getText("unsent").insert(0, "x".repeat(skipped));
    const start = Y.encodeStateVector(draft);
    draft.getXmlFragment(DOCUMENT_FIELD).push([paragraphOf("Squatted.")]);
    return syncMessage(2, Y.encodeStateAsUpdate(draft, start));
  };
  const squatted = await sendFrames(await openRawSocket(baseURL ?? "", docId, "?writer=mallory"), [
    squat(observer.doc.clientID, 0),
  ]);
  expect(squatted?.code).toBe(CloseCode.foreignClientId);
  const gapped = await sendFrames(await openRawSocket(baseURL ?? "", docId, "?writer=mallory"), [
    squat(123_456_789, 1000),
  ]);
  expect(gapped?.code).toBe(CloseCode.outOfSync);

  await alice.typeAtEnd(" More of Alice's.");
  await expect.poll(() => observer.body.toString()).toContain("More of Alice's.");
  expect(observer.body.toString()).not.toContain("Mallory");

  // A tool with a writer key of its own comes back later with changes made offline under its old id.
  const earlier = connectYjsClient(baseURL ?? "", docId, new Y.Doc(), { [WRITER_KEY_PARAM]: "tool" });
  clients.push(earlier);
  await synced(earlier);
  earlier.write("Tool, first session.");
  await expect.poll(() => observer.body.toString()).toContain("Tool, first session.");
  earlier.provider.disconnect();
  earlier.write("Tool, written offline.");
  const later = connectYjsClient(baseURL ?? "", docId, earlier.doc, { [WRITER_KEY_PARAM]: "tool" });
  // Its doc is the earlier session's, destroyed with that.
  clients.push({ ...later, close: () => later.provider.destroy() });
  await expect.poll(() => observer.body.toString()).toContain("Tool, written offline.");
  const authors = (await (await fetch(new URL(`${documentApiPath(docId)}?authors`, baseURL))).json()) as {
    authors: Record<string, { name: string }>;
  };
  expect(authors.authors[String(aliceId)]?.name).toBe(alice.name);
});

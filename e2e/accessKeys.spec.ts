import { request as httpRequest } from "node:http";
import { setTimeout as pause } from "node:timers/promises";
import * as Y from "yjs";
import { CLIENT_KEY_PARAM } from "../party/shared/awarenessState";
import { CloseCode } from "../party/shared/closeCodes";
import { ACCESS_PARAM, KEY_PARAM } from "../party/shared/roles";
import { docRoomName, documentApiPath } from "../party/shared/roomName";
import { paragraphTexts } from "./paragraphTexts";
import { expect, test } from "./people";
import { NO_BROWSER } from "./projectTags";
import { awarenessMessage, sendFrames, syncMessage } from "./rawFrames";
import { resetKeys } from "./shareKeys";
import { openSilentSocket } from "./silentSocket";
import { untilDocument } from "./untilDocument";
import { connectYjsClient, openRawSocket, paragraphOf, refusalOf, synced, type YjsClient } from "./yjsClients";

// Share links are keys the server checks: what each role may do, over WebSocket and HTTP.

const clients: YjsClient[] = [];
test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

function joined(baseURL: string | undefined, docId: string, params: Record<string, string> = {}): YjsClient {
  const client = connectYjsClient(baseURL ?? "", docId, new Y.Doc(), params);
  clients.push(client);
  return client;
}

async function joinedAndSynced(baseURL: string | undefined, docId: string, key: string): Promise<YjsClient> {
  const client = joined(baseURL, docId, { [KEY_PARAM]: key });
  await synced(client);
  return client;
}

function api(baseURL: string | undefined, docId: string, query = ""): string {
  return `${baseURL ?? ""}${documentApiPath(docId)}${query}`;
}

/** The close a bare socket with this query gets at once, or null if it is let in. */
async function socketRefusal(baseURL: string | undefined, docId: string, query: string) {
  return sendFrames(await openRawSocket(baseURL ?? "", docId, query), []);
}

/** One character changed: a key that looks right. */
function forged(key: string): string {
  return `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
}

test.describe("share link keys", { tag: NO_BROWSER }, () => {
  test("missing, wrong, forged, revoked and view-derived keys are refused over WebSocket and HTTP, with a clear reason", async ({
    baseURL,
    docId,
  }) => {
    const keys = await resetKeys(baseURL, docId);
    const put = (headers: Record<string, string>, query = "") =>
      fetch(api(baseURL, docId, query), {
        method: "PUT",
        headers: { "Content-Type": "text/markdown", ...headers },
        body: "Overwritten",
      });
    expect((await put({ Authorization: `Bearer ${keys.edit}` })).status).toBe(200);

    const missing = await fetch(api(baseURL, docId));
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({
      code: "key_required",
      message: expect.stringContaining("share link"),
    });
    const refusedKeys = {
      wrong: "not-a-key",
      forged: forged(keys.edit),
      "view-derived": `${keys.view}x`,
      "view key in upper case": keys.view.toUpperCase(),
    };
    for (const [what, key] of Object.entries(refusedKeys)) {
      const response = await fetch(api(baseURL, docId, `?${KEY_PARAM}=${encodeURIComponent(key)}`));
      expect(response.status, what).toBe(403);
      expect((await response.json()).error.code, what).toBe("key_refused");
      const close = await socketRefusal(baseURL, docId, `?${KEY_PARAM}=${encodeURIComponent(key)}`);
      expect(close, what).toEqual({
        code: CloseCode.keyRefused,
        reason: expect.stringContaining("wrong, or its links were reset"),
      });
    }
    expect(await socketRefusal(baseURL, docId, "")).toEqual({
      code: CloseCode.keyRequired,
      reason: expect.any(String),
    });

    // A view or comment key reads, over either way of sending it, and changes nothing.
    for (const key of [keys.view, keys.comment]) {
      expect((await fetch(api(baseURL, docId, `?format=text&${KEY_PARAM}=${key}`))).status).toBe(200);
      const refused = await put({ Authorization: `Bearer ${key}` });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe("not_allowed");
      expect((await put({}, `?${KEY_PARAM}=${key}`)).status).toBe(403);
      const reset = await fetch(api(baseURL, docId, `?${ACCESS_PARAM}=reset&${KEY_PARAM}=${key}`), { method: "POST" });
      expect(reset.status).toBe(403);
    }
    const text = await fetch(api(baseURL, docId, `?format=text`), {
      headers: { Authorization: `Bearer ${keys.view}` },
    });
    expect((await text.text()).trim()).toBe("Overwritten");

    // Each role learns the links it may hand on: never a higher one.
    const grantOf = async (key: string) =>
      (await fetch(api(baseURL, docId, `?${ACCESS_PARAM}&${KEY_PARAM}=${key}`))).json();
    expect(await grantOf(keys.view)).toEqual({ role: "view", keys: { view: keys.view } });
    expect(await grantOf(keys.comment)).toEqual({ role: "comment", keys: { comment: keys.comment, view: keys.view } });
    expect(await grantOf(keys.edit)).toEqual({ role: "edit", keys });
    expect(new Set(Object.values(keys)).size).toBe(3);

    // Revoked: after a reset, every old key is refused like a wrong one.
    const fresh = await resetKeys(baseURL, docId, keys.edit);
    for (const old of Object.values(keys)) {
      expect((await fetch(api(baseURL, docId, `?${KEY_PARAM}=${old}`))).status).toBe(403);
      expect(await socketRefusal(baseURL, docId, `?${KEY_PARAM}=${old}`)).toMatchObject({ code: CloseCode.keyRefused });
    }
    expect((await fetch(api(baseURL, docId, `?format=text&${KEY_PARAM}=${fresh.view}`))).status).toBe(200);
  });

  test("a refusal tells nothing about the document: a made-up id answers the same", async ({ baseURL, docId }) => {
    const keys = await resetKeys(baseURL, docId);
    const answer = async (id: string) => {
      const response = await fetch(api(baseURL, id, `?${KEY_PARAM}=${forged(keys.edit)}`));
      return { status: response.status, body: await response.json() };
    };
    expect(await answer("no-such-document-anywhere")).toEqual(await answer(docId));
  });

  test("a view connection's document updates of every kind are dropped: nothing changes for anyone, in storage or after a restart", async ({
    server,
    docId,
  }) => {
    const keys = await resetKeys(server.url, docId);
    const editor = await joinedAndSynced(server.url, docId, keys.edit);
    editor.write("The editor's text.");
    const viewer = await joinedAndSynced(server.url, docId, keys.view);
    await untilDocument(viewer.doc, () => paragraphTexts(viewer.body).length === 1);

    // What the viewer's own copy would send: a change built on the document it has.
    const forgedDoc = new Y.Doc();
    Y.applyUpdate(forgedDoc, Y.encodeStateAsUpdate(viewer.doc));
    const before = Y.encodeStateVector(forgedDoc);
    forgedDoc.getXmlFragment("default").push([paragraphOf("Written by the viewer")]);
    const update = Y.encodeStateAsUpdate(forgedDoc, before);

    const raw = await openRawSocket(server.url, docId, `?${KEY_PARAM}=${keys.view}`);
    const whole = syncMessage(2, update);
    const chunked = [
      `y-pk-batch#${JSON.stringify({ id: "c", type: "start", size: whole.length, count: 1 })}`,
      whole,
      `y-pk-batch#${JSON.stringify({ id: "c", type: "end", size: whole.length, count: 1 })}`,
    ];
    // Sync step 2, an update, a chunked update, and the viewer's own provider sending its change.
    expect(await sendFrames(raw, [syncMessage(1, update), whole, ...chunked])).toBeNull();
    viewer.write("Typed by the viewer's own client");
    const commenter = await joinedAndSynced(server.url, docId, keys.comment);
    commenter.write("Typed by a commenter");

    // Once the editor's next paragraph reaches a newcomer, everything sent before it was handled;
    // the API answers once it is stored, so the restart below cannot lose it.
    const appended = await fetch(`${server.url}${documentApiPath(docId)}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${keys.edit}`, "Content-Type": "text/markdown" },
      body: "The editor's second paragraph.",
    });
    expect(appended.status).toBe(200);
    const newcomer = await joinedAndSynced(server.url, docId, keys.view);
    await untilDocument(newcomer.doc, () => paragraphTexts(newcomer.body).length >= 2);
    const expected = ["The editor's text.", "The editor's second paragraph."];
    expect(paragraphTexts(newcomer.body)).toEqual(expected);
    expect(paragraphTexts(editor.body)).toEqual(expected);

    await server.restart(() => {
      for (const client of clients.splice(0)) client.close();
      raw.socket.close();
    });
    const afterRestart = await joinedAndSynced(server.url, docId, keys.view);
    expect(paragraphTexts(afterRestart.body)).toEqual(expected);
    const stored = await fetch(`${server.url}${documentApiPath(docId)}?format=text`, {
      headers: { Authorization: `Bearer ${keys.edit}` },
    });
    expect((await stored.text()).trim().split("\n\n")).toEqual(expected);
  });

  test("a viewer cannot speak for someone else's presence or as an editor, and shows as viewing with no caret", async ({
    baseURL,
    docId,
  }) => {
    const keys = await resetKeys(baseURL, docId);
    const editor = await joinedAndSynced(baseURL, docId, keys.edit);
    editor.provider.awareness.setLocalState({ user: { name: "Editor", color: "#112233" } });
    const observer = await joinedAndSynced(baseURL, docId, keys.edit);
    const editorId = editor.doc.clientID;
    await expect.poll(() => observer.provider.awareness.getStates().get(editorId)).toMatchObject({ role: "edit" });

    const raw = await openRawSocket(baseURL ?? "", docId, `?${KEY_PARAM}=${keys.view}`);
    const cursor = { anchor: { tname: "default" }, head: { tname: "default" } };
    const takeOver = awarenessMessage([
      editorId,
      1_000_000,
      { user: { name: "Mallory", color: "#ff0000" }, role: "edit" },
    ]);
    const remove = awarenessMessage([editorId, 1_000_001, null]);
    const own = awarenessMessage([
      4242,
      1,
      { user: { name: "Mallory herself", color: "#ff0000" }, role: "edit", cursor },
    ]);
    expect(await sendFrames(raw, [takeOver, remove, own])).toBeNull();

    await expect
      .poll(() => observer.provider.awareness.getStates().get(4242))
      .toEqual({
        user: { name: "Mallory herself", color: "#ff0000" },
        role: "view",
      });
    expect(observer.provider.awareness.getStates().get(editorId)).toMatchObject({
      user: { name: "Editor" },
      role: "edit",
    });
    raw.socket.close();
  });

  test("reset links: connections with old keys are closed with the reason, the tab that reset keeps its own, new keys work", async ({
    baseURL,
    docId,
  }) => {
    const keys = await resetKeys(baseURL, docId);
    const resetter = joined(baseURL, docId, { [KEY_PARAM]: keys.edit, [CLIENT_KEY_PARAM]: "resetting-tab" });
    const otherEditor = joined(baseURL, docId, { [KEY_PARAM]: keys.edit, [CLIENT_KEY_PARAM]: "other-tab" });
    const viewer = joined(baseURL, docId, { [KEY_PARAM]: keys.view });
    await Promise.all([resetter, otherEditor, viewer].map(synced));
    const closes = [otherEditor, viewer].map(refusalOf);
    let resetterClosed = false;
    refusalOf(resetter).then(
      () => (resetterClosed = true),
      () => {},
    );

    const response = await fetch(api(baseURL, docId, `?${ACCESS_PARAM}=reset&${CLIENT_KEY_PARAM}=resetting-tab`), {
      method: "POST",
      headers: { Authorization: `Bearer ${keys.edit}` },
    });
    const fresh = (await response.json()).keys;
    for (const close of await Promise.all(closes)) {
      expect(close).toEqual({ code: CloseCode.linksReset, reason: expect.stringContaining("links were reset") });
    }
    // The resetting tab's connection still carries its changes to newcomers with the new key.
    resetter.write("Written after the reset");
    const newcomer = await joinedAndSynced(baseURL, docId, fresh.view);
    await untilDocument(newcomer.doc, () => paragraphTexts(newcomer.body).includes("Written after the reset"));
    expect(resetterClosed).toBe(false);
    expect(await socketRefusal(baseURL, docId, `?${KEY_PARAM}=${keys.view}`)).toMatchObject({
      code: CloseCode.keyRefused,
    });
  });

  test("an open document (no keys yet) lets its address edit, refuses any key, and becomes keyed when its links are reset", async ({
    baseURL,
    docId,
  }) => {
    const bare = joined(baseURL, docId);
    await synced(bare);
    bare.write("Made before share links");
    expect(await (await fetch(api(baseURL, docId, `?${ACCESS_PARAM}`))).json()).toEqual({ role: "edit", keys: null });
    expect((await fetch(api(baseURL, docId, `?${KEY_PARAM}=anything`))).status).toBe(403);

    const closed = refusalOf(bare);
    const keys = await resetKeys(baseURL, docId);
    expect(await closed).toMatchObject({ code: CloseCode.linksReset });
    expect((await fetch(api(baseURL, docId))).status).toBe(401);
    const reader = await joinedAndSynced(baseURL, docId, keys.view);
    expect(paragraphTexts(reader.body)).toEqual(["Made before share links"]);
  });

  test("a write let in before a reset, whose body arrives after it, is refused and changes nothing", async ({
    baseURL,
    docId,
  }) => {
    const keys = await resetKeys(baseURL, docId);
    const url = new URL(`${documentApiPath(docId)}?title=Taken`, baseURL);
    let answered: (status: number) => void = () => {};
    const status = new Promise<number>((resolve) => (answered = resolve));
    const upload = httpRequest(
      url,
      { method: "PUT", headers: { "Content-Type": "text/markdown", Authorization: `Bearer ${keys.edit}` } },
      (response) => answered(response.statusCode ?? 0),
    );
    upload.write("Written by someone who has just lost access");
    // Time for the server to have the headers and let the request in: were it not in yet, the
    // reset would refuse it on arrival, and the outcome checked below would be the same.
    await pause(500);
    const fresh = await resetKeys(baseURL, docId, keys.edit);
    upload.end(" and kept sending.");
    expect(await status).toBe(403);
    const stored = await fetch(api(baseURL, docId, "?format=markdown"), {
      headers: { Authorization: `Bearer ${fresh.view}` },
    });
    expect(stored.status).toBe(404);
  });

  test("an editor cut off by a reset can send nothing more, even if it never answers the close", async ({
    baseURL,
    docId,
  }) => {
    const keys = await resetKeys(baseURL, docId);
    const editor = await joinedAndSynced(baseURL, docId, keys.edit);
    editor.write("Before the reset.");
    const read = () =>
      fetch(api(baseURL, docId, `?format=text&${KEY_PARAM}=${keys.edit}`)).then((response) => response.text());
    await expect.poll(async () => (await read()).trim()).toBe("Before the reset.");
    const silent = await openSilentSocket(
      baseURL ?? "",
      `/parties/main/${docRoomName(docId)}?${KEY_PARAM}=${keys.edit}`,
    );
    const fresh = await resetKeys(baseURL, docId, keys.edit);
    expect(await silent.closed).toMatchObject({ code: CloseCode.linksReset });

    const defaced = new Y.Doc();
    Y.applyUpdate(defaced, Y.encodeStateAsUpdate(editor.doc));
    defaced.getXmlFragment("default").push([paragraphOf("Written after losing access")]);
    await silent.send(syncMessage(2, Y.encodeStateAsUpdate(defaced, Y.encodeStateVector(editor.doc))));
    const appended = await fetch(api(baseURL, docId), {
      method: "POST",
      headers: { Authorization: `Bearer ${fresh.edit}`, "Content-Type": "text/markdown" },
      body: "After the reset.",
    });
    expect(appended.status).toBe(200);
    const reader = await joinedAndSynced(baseURL, docId, fresh.view);
    expect(paragraphTexts(reader.body)).toEqual(["Before the reset.", "After the reset."]);
    silent.end();
  });

  test.describe("with a small document limit", () => {
    const MAX_DOCUMENT_BYTES = 300_000;
    test.use({ serverVars: { COWRITE_MAX_DOCUMENT_BYTES: MAX_DOCUMENT_BYTES } });

    test("readers' half-sent chunked messages take nothing from the room's budget for editors' large pastes", async ({
      server,
      docId,
    }) => {
      const keys = await resetKeys(server.url, docId);
      const marker = (id: string, type: "start" | "end", size: number) =>
        `y-pk-batch#${JSON.stringify({ id, type, size, count: 1 })}`;
      // Two readers fill all but a byte of twice the document limit, and never finish.
      const readers = await Promise.all(
        [keys.view, keys.comment].map((key) => openRawSocket(server.url, docId, `?${KEY_PARAM}=${key}`)),
      );
      for (const reader of readers) {
        reader.socket.send(marker("stuck", "start", MAX_DOCUMENT_BYTES));
        reader.socket.send(new Uint8Array(MAX_DOCUMENT_BYTES - 1));
      }
      // Handed to the network before the editor connects, so the server has them first.
      await expect.poll(() => readers.map((reader) => reader.socket.bufferedAmount)).toEqual([0, 0]);

      const paste = new Y.Doc();
      paste.getXmlFragment("default").push([paragraphOf("p".repeat(100_000))]);
      const message = syncMessage(2, Y.encodeStateAsUpdate(paste));
      const editor = await openRawSocket(server.url, docId, `?${KEY_PARAM}=${keys.edit}`);
      const frames = [marker("paste", "start", message.length), message, marker("paste", "end", message.length)];
      expect(await sendFrames(editor, frames)).toBeNull();
      const reader = await joinedAndSynced(server.url, docId, keys.view);
      expect(paragraphTexts(reader.body)).toEqual(["p".repeat(100_000)]);
      expect(readers.map((raw) => raw.socket.readyState === raw.socket.OPEN)).toEqual([true, true]);
      for (const raw of [...readers, editor]) raw.socket.close();
    });
  });
});

import * as Y from "yjs";
import type { Author, VersionInfo } from "../party/shared/history";
import { KEY_PARAM } from "../party/shared/roles";
import { documentApiPath } from "../party/shared/roomName";
import { paragraphTexts } from "./paragraphTexts";
import { expect, test } from "./people";
import { NO_BROWSER } from "./projectTags";
import { resetKeys } from "./shareKeys";
import { untilDocument } from "./untilDocument";
import { connectYjsClient, synced, type YjsClient } from "./yjsClients";

// Versions and the server's record of who wrote what, below the UI.

const clients: YjsClient[] = [];
test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function person(baseURL: string, docId: string, key: string, name: string): Promise<YjsClient> {
  const client = connectYjsClient(baseURL, docId, new Y.Doc(), { [KEY_PARAM]: key });
  clients.push(client);
  client.provider.awareness.setLocalState({ user: { id: `${name}-id`, name, color: "#224466" } });
  await synced(client);
  return client;
}

function call(baseURL: string, docId: string, key: string, query: string, init: RequestInit = {}) {
  return fetch(`${baseURL}${documentApiPath(docId)}?${query}`, {
    ...init,
    headers: { Authorization: `Bearer ${key}`, ...init.headers },
  });
}

async function versions(baseURL: string, docId: string, key: string): Promise<VersionInfo[]> {
  return ((await (await call(baseURL, docId, key, "versions")).json()) as { versions: VersionInfo[] }).versions;
}

const names = (authors: Author[]) => authors.map(({ name }) => name).sort();

test.describe("version history", { tag: NO_BROWSER }, () => {
  test("versions list who changed the document since the one before, keep after a restart, and restore as a new change", async ({
    server,
    docId,
  }) => {
    const keys = await resetKeys(server.url, docId);
    const alice = await person(server.url, docId, keys.edit, "Alice");
    // Her awareness went out when she connected, so the server knows her before her text arrives.
    alice.write("Alice's first words.");
    const bob = await person(server.url, docId, keys.edit, "Bob");
    await untilDocument(bob.doc, () => paragraphTexts(bob.body).length === 1);

    const first = (await (
      await call(server.url, docId, keys.edit, "versions&name=First draft", { method: "POST" })
    ).json()) as VersionInfo;
    expect(first).toMatchObject({ name: "First draft", restoredFrom: null });
    expect(names(first.authors)).toEqual(["Alice"]);

    bob.write("Bob's addition.");
    // The server has it before the script appends: two additions at the end at once could land in either order.
    await untilDocument(alice.doc, () => paragraphTexts(alice.body).length === 2);
    const appended = await call(server.url, docId, keys.edit, "author=Release script", {
      method: "POST",
      headers: { "Content-Type": "text/markdown" },
      body: "From a script.",
    });
    expect(appended.status).toBe(200);
    await untilDocument(alice.doc, () => paragraphTexts(alice.body).length === 3);
    const second = (await (
      await call(server.url, docId, keys.edit, "versions", { method: "POST" })
    ).json()) as VersionInfo;
    expect(names(second.authors)).toEqual(["Bob", "Release script"]);

    const listed = await versions(server.url, docId, keys.comment);
    expect(listed.map(({ id }) => id)).toEqual([second.id, first.id]);
    const firstText = await call(server.url, docId, keys.comment, `version=${first.id}&format=text`);
    expect((await firstText.text()).trim()).toBe("Alice's first words.");
    expect((await call(server.url, docId, keys.view, "versions")).status).toBe(403);
    expect((await call(server.url, docId, keys.comment, "versions", { method: "POST" })).status).toBe(403);

    const aliceClient = alice.doc.clientID;
    await server.restart(() => {
      for (const client of clients.splice(0)) client.close();
    });
    expect(await versions(server.url, docId, keys.edit)).toEqual(
      listed.length === 2 ? expect.arrayContaining(listed) : listed,
    );
    const authors = (await (await call(server.url, docId, keys.comment, "authors")).json()) as {
      authors: Record<string, Author>;
    };
    expect(authors.authors[String(aliceClient)]).toMatchObject({ key: "Alice-id", name: "Alice", role: "edit" });

    const carol = await person(server.url, docId, keys.edit, "Carol");
    expect(paragraphTexts(carol.body)).toEqual(["Alice's first words.", "Bob's addition.", "From a script."]);
    const restored = (await (
      await call(server.url, docId, keys.edit, `version=${first.id}&restore`, { method: "POST" })
    ).json()) as VersionInfo;
    expect(restored).toMatchObject({ name: "Restored from First draft", restoredFrom: first.id });
    await untilDocument(carol.doc, () => paragraphTexts(carol.body).length === 1);
    expect(paragraphTexts(carol.body)).toEqual(["Alice's first words."]);
    expect((await versions(server.url, docId, keys.edit))[0]).toEqual(restored);
  });

  test("a version is saved when the last person leaves after changing the document", async ({ baseURL, docId }) => {
    const base = baseURL ?? "";
    const keys = await resetKeys(base, docId);
    const dana = await person(base, docId, keys.edit, "Dana");
    dana.write("Written, then left.");
    await untilDocument(dana.doc, () => paragraphTexts(dana.body).length === 1);
    clients.splice(0).forEach((client) => client.close());
    await expect
      .poll(async () => (await versions(base, docId, keys.edit)).map((version) => names(version.authors)))
      .toEqual([["Dana"]]);
  });

  test.describe("with nobody connected", () => {
    test.use({ serverVars: { COWRITE_AUTO_VERSION_INTERVAL_MS: 1500 } });

    test("a change made inside an interval that has a version gets one of its own when the interval ends", async ({
      server,
      docId,
    }) => {
      const put = (author: string, text: string) =>
        fetch(`${server.url}${documentApiPath(docId)}?author=${author}`, {
          method: "PUT",
          headers: { "Content-Type": "text/markdown" },
          body: text,
        });
      const listed = async () =>
        ((await (await fetch(`${server.url}${documentApiPath(docId)}?versions`)).json()) as { versions: VersionInfo[] })
          .versions;
      expect((await put("First", "One.")).ok).toBe(true);
      await expect.poll(async () => (await listed()).map((version) => names(version.authors))).toEqual([["First"]]);
      expect((await put("Second", "Two.")).ok).toBe(true);
      // No request or connection comes: the room's own timer saves it.
      await expect
        .poll(async () => (await listed()).map((version) => names(version.authors)), { timeout: 15_000 })
        .toEqual([["Second"], ["First"]]);
    });
  });
});

import * as Y from "yjs";
import {
  COMMENTS_FIELD,
  type ListedThread,
  MAX_COMMENT_LENGTH,
  type RelativePositionJSON,
} from "../party/shared/comments";
import { KEY_PARAM } from "../party/shared/roles";
import { WRITER_KEY_PARAM } from "../party/shared/writerKey";
import { NO_BROWSER } from "./projectTags";
import { docPath } from "../src/docPath";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { documentApiPath } from "../party/shared/roomName";
import { expect, test, type Person } from "./people";
import { sendFrames, syncMessage } from "./rawFrames";
import { resetKeys } from "./shareKeys";
import { connectYjsClient, openRawSocket, synced } from "./yjsClients";

// Comments: threads on a passage, live for everyone, written only through the server.

async function listed(baseURL: string, docId: string, key: string): Promise<ListedThread[]> {
  const response = await fetch(`${baseURL}${documentApiPath(docId)}?comments`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { threads: ListedThread[] }).threads;
}

/** Comments on `passage` with the Comment button, or with its shortcut. */
async function comment(person: Person, passage: string, text: string, how: "button" | "shortcut" = "button") {
  await person.select(passage);
  if (how === "button") await person.page.getByTestId("add-comment").click();
  else await person.page.keyboard.press("Control+Alt+m");
  await person.typeInto(person.page.getByTestId("comment-composer"), text);
  await person.page.getByTestId("comment-composer-post").click();
}

test("a commenter comments on a passage, the editor sees it live and replies, the commenter resolves", async ({
  join,
  docId,
  baseURL,
}) => {
  const keys = await resetKeys(baseURL, docId);
  const alice = await join("Alice", docPath(docId, keys.edit));
  await alice.typeAtEnd("The quick brown fox jumps over the lazy dog.");
  const bob = await join("Bob", docPath(docId, keys.comment));
  await expect.poll(() => bob.text()).toContain("lazy dog");

  await comment(bob, "brown fox", "Which fox? See https://example.com/fox for one.");
  for (const person of [alice, bob]) {
    await expect(person.page.getByTestId("comment-highlight")).toHaveText("brown fox");
    const thread = person.page.getByTestId("comment-thread");
    await expect(thread).toContainText("Which fox?");
    await expect(thread.getByTestId("comment-author")).toHaveText("Bob");
    await expect(thread.getByRole("link", { name: "https://example.com/fox" })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
  }

  // Clicking the highlight opens its thread.
  await alice.page.getByTestId("comment-highlight").click();
  await expect(alice.page.getByTestId("comment-thread")).toHaveClass(/comment-thread--active/);
  await alice.typeInto(alice.page.getByTestId("comment-reply"), "The red one.");
  await alice.page.getByTestId("comment-reply-post").click();
  await expect(bob.page.getByTestId("comment-thread").getByTestId("comment-author")).toHaveText(["Bob", "Alice"]);

  await bob.page.getByTestId("resolve-comment").click();
  for (const person of [alice, bob]) {
    await expect(person.page.getByTestId("comment-thread")).toHaveCount(0);
    await expect(person.page.getByTestId("comment-highlight")).toHaveCount(0);
  }
  await alice.page.getByTestId("show-resolved").click();
  await expect(alice.page.getByTestId("comment-thread")).toHaveAttribute("data-resolved", "true");

  const [thread] = await listed(baseURL ?? "", docId, keys.view);
  expect(thread?.text).toBe("brown fox");
  expect(thread?.resolved?.by.name).toBe("Bob");
  expect(thread?.comments.map(({ author, text }) => [author.name, author.role, text])).toEqual([
    ["Bob", "comment", "Which fox? See https://example.com/fox for one."],
    ["Alice", "edit", "The red one."],
  ]);
  // Exports leave comments out.
  const markdown = await (
    await fetch(`${baseURL}${documentApiPath(docId)}?format=markdown`, {
      headers: { Authorization: `Bearer ${keys.view}` },
    })
  ).text();
  expect(markdown).not.toContain("Which fox");
});

test("deleting the passage keeps the thread as text deleted, and undoing brings it back for everyone", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("Keep this. Delete this passage. Keep that.");
  await expect.poll(() => bob.text()).toContain("Keep that.");
  await comment(alice, "this passage", "Should this go?", "shortcut");
  await expect(bob.page.getByTestId("comment-highlight")).toHaveText("this passage");

  await alice.select("Delete this passage. ");
  await alice.page.keyboard.press("Backspace");
  for (const person of [alice, bob]) {
    await expect(person.page.getByTestId("comment-highlight")).toHaveCount(0);
    const thread = person.page.getByTestId("comment-thread");
    await expect(thread).toHaveAttribute("data-anchored", "false");
    await expect(thread.getByTestId("comment-text-deleted")).toBeVisible();
    await expect(thread).toContainText("Should this go?");
  }

  await alice.page.keyboard.press("ControlOrMeta+z");
  for (const person of [alice, bob]) {
    await expect(person.page.getByTestId("comment-highlight")).toHaveText("this passage");
    await expect(person.page.getByTestId("comment-thread")).toHaveAttribute("data-anchored", "true");
  }
});

test("a commenter's raw Yjs updates change nothing, and only the server writes comments", async ({
  join,
  docId,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const keys = await resetKeys(base, docId);
  const alice = await join("Alice", docPath(docId, keys.edit));
  await alice.typeAtEnd("Only editors write here.");
  await expect
    .poll(async () => (await fetch(`${base}${documentApiPath(docId)}?format=text&key=${keys.view}`)).text())
    .toContain("Only editors");

  // What a commenter's own copy would send: a paragraph, and a comment thread of its own making.
  const forged = new Y.Doc();
  const answer = await fetch(`${base}${documentApiPath(docId)}?format=json&key=${keys.view}`);
  expect(answer.ok).toBe(true);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Commenter's text.")]);
  forged.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
  forged.getMap(COMMENTS_FIELD).set("forged", { id: "forged", comments: [] });
  const update = syncMessage(2, Y.encodeStateAsUpdate(forged));

  const commenter = await openRawSocket(base, docId, `?key=${keys.comment}`);
  expect(await sendFrames(commenter, [update])).toBeNull();
  const text = await (await fetch(`${base}${documentApiPath(docId)}?format=text&key=${keys.view}`)).text();
  expect(text).not.toContain("Commenter's text.");
  expect(await listed(base, docId, keys.view)).toEqual([]);
  commenter.socket.close();

  // An editor's copy may change the text, never the comments.
  const editor = await openRawSocket(base, docId, `?key=${keys.edit}`);
  const closed = await sendFrames(editor, [update]);
  expect(closed?.code).toBe(1007);
  expect(closed?.reason).toContain("comments are changed only by the server");
  expect(await listed(base, docId, keys.view)).toEqual([]);

  // Viewers see comments but cannot write them.
  const refused = await fetch(`${base}${documentApiPath(docId)}?comments`, {
    method: "POST",
    headers: { Authorization: `Bearer ${keys.view}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "resolve", thread: "x" }),
  });
  expect(refused.status).toBe(403);
});

test.describe("comments over HTTP", { tag: NO_BROWSER }, () => {
  /** A document with one paragraph, written by a plain Yjs client, and an anchor on `passage` in it. */
  async function documentWith(base: string, docId: string, key: string, text: string, passage: string) {
    const client = connectYjsClient(base, docId, new Y.Doc(), { [KEY_PARAM]: key });
    await synced(client);
    client.write(text);
    const run = (client.body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = text.indexOf(passage);
    const position = (index: number) =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(run, index)) as RelativePositionJSON;
    const anchor = { start: position(at), end: position(at + passage.length) };
    await expect
      .poll(async () => (await fetch(`${base}${documentApiPath(docId)}?format=text&key=${key}`)).text())
      .toContain(text);
    return { client, anchor };
  }

  function post(base: string, docId: string, key: string, operation: unknown, writer?: string, author?: string) {
    const query = new URLSearchParams({
      comments: "",
      ...(writer ? { [WRITER_KEY_PARAM]: writer } : {}),
      ...(author ? { author } : {}),
    });
    return fetch(`${base}${documentApiPath(docId)}?${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: typeof operation === "string" ? operation : JSON.stringify(operation),
    });
  }

  test("threads survive a restart; only a comment's writer edits or deletes it; bad input changes nothing", async ({
    server,
    docId,
  }) => {
    const base = server.url;
    const keys = await resetKeys(base, docId);
    const { client, anchor } = await documentWith(base, docId, keys.edit, "A sentence worth a remark.", "worth");
    client.close();

    const created = await post(base, docId, keys.comment, { type: "create", anchor, text: "  Is it?  " }, "ann", "Ann");
    expect(created.status).toBe(200);
    const { thread } = (await created.json()) as { thread: ListedThread };
    expect(thread.quote).toBe("worth");
    expect(thread.comments[0]?.text).toBe("Is it?");

    // Bad input: each answered with why, none of it applied.
    const refusals: [unknown, number, string][] = [
      ["not json", 400, "not JSON"],
      [{ type: "create", anchor, text: "" }, 400, "empty"],
      [
        { type: "create", anchor: { start: { tname: "default" }, end: { tname: "default", assoc: -1 } }, text: "x" },
        422,
        "point at",
      ],
      [{ type: "create", anchor, text: "x".repeat(MAX_COMMENT_LENGTH + 1) }, 400, "at most"],
      [{ type: "create", anchor: { start: anchor.start, end: anchor.start }, text: "x" }, 422, "point at text"],
      [{ type: "create", anchor: { start: { tname: "title" }, end: anchor.end }, text: "x" }, 400, "anchor"],
      [{ type: "reply", thread: "nope", text: "x" }, 404, "no comment thread"],
      [{ type: "frobnicate" }, 400, "type must be"],
      [{ type: "edit", thread: thread.id, comment: thread.comments[0]?.id, text: "Mine now" }, 403, "Only the person"],
      [{ type: "delete", thread: thread.id, comment: thread.comments[0]?.id }, 403, "Only the person"],
      [{ type: "reanchor", thread: thread.id, anchor }, 403, "Only editors"],
    ];
    for (const [operation, status, message] of refusals) {
      const answer = await post(base, docId, keys.comment, operation, "bea");
      expect(answer.status, JSON.stringify(operation).slice(0, 80)).toBe(status);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    const editorReanchor = await post(base, docId, keys.edit, { type: "reanchor", thread: thread.id, anchor }, "ann");
    expect(editorReanchor.status).toBe(409);

    await server.restart();
    let [kept] = await listed(base, docId, keys.view);
    expect(kept?.comments.map(({ text, author }) => [author.name, text])).toEqual([["Ann", "Is it?"]]);
    expect(kept?.text).toBe("worth");

    expect(
      (await post(base, docId, keys.comment, { type: "reply", thread: thread.id, text: "Yes." }, "bea", "Bea")).ok,
    ).toBe(true);
    // Replies at once each keep their place: the server makes its changes one at a time.
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        post(base, docId, keys.comment, { type: "reply", thread: thread.id, text: `At once ${index}` }, `w${index}`),
      ),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    [kept] = await listed(base, docId, keys.view);
    expect(kept?.comments).toHaveLength(12);
    const edit = { type: "edit", thread: thread.id, comment: thread.comments[0]?.id, text: "Is it, though?" };
    expect((await post(base, docId, keys.comment, edit, "ann")).ok).toBe(true);
    [kept] = await listed(base, docId, keys.view);
    expect(kept?.comments.slice(0, 2).map(({ text, edited }) => [text, edited !== null])).toEqual([
      ["Is it, though?", true],
      ["Yes.", false],
    ]);
    // Deleting the first comment deletes the thread.
    expect(
      (
        await post(
          base,
          docId,
          keys.comment,
          { type: "delete", thread: thread.id, comment: thread.comments[0]?.id },
          "ann",
        )
      ).ok,
    ).toBe(true);
    expect(await listed(base, docId, keys.view)).toEqual([]);
  });
});

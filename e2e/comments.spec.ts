import * as Y from "yjs";
import { COMMENTS_FIELD, type ListedThread } from "../party/shared/comments";
import { docPath } from "../src/docPath";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { documentApiPath } from "../party/shared/roomName";
import { expect, test, type Person } from "./people";
import { sendFrames, syncMessage } from "./rawFrames";
import { resetKeys } from "./shareKeys";
import { openRawSocket } from "./yjsClients";

// Comments: threads on a passage, live for everyone, written only through the server.

async function listed(baseURL: string, docId: string, key: string): Promise<ListedThread[]> {
  const response = await fetch(`${baseURL}${documentApiPath(docId)}?comments`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { threads: ListedThread[] }).threads;
}

async function comment(person: Person, passage: string, text: string): Promise<void> {
  await person.select(passage);
  await person.page.getByTestId("add-comment").click();
  await person.page.getByTestId("comment-composer").fill(text);
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
  await alice.page.getByTestId("comment-reply").fill("The red one.");
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
  await comment(alice, "this passage", "Should this go?");
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

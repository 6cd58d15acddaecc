import type { AccessKeys, Role } from "../party/shared/roles";
import { docPath } from "../src/docPath";
import { expect, type Person, test } from "./people";
import { resetKeys } from "./shareKeys";

// Edit, comment and view links, as the people who receive them see them.

const KEYED_PATH = /\/d\/[A-Za-z0-9_-]{22}\?key=[A-Za-z0-9_-]{22}$/;

function linkOf(baseURL: string | undefined, docId: string, key: string): string {
  return `${baseURL ?? ""}${docPath(docId, key)}`;
}

async function openShareMenu(person: Person): Promise<void> {
  const button = person.page.getByTestId("share");
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(person.page.locator("#share-panel")).toBeVisible();
}

/** The links a person's share menu offers, by role. */
async function sharedLinks(person: Person): Promise<Partial<Record<Role, string>>> {
  await openShareMenu(person);
  const links: Partial<Record<Role, string>> = {};
  for (const role of ["edit", "comment", "view"] as const) {
    const field = person.page.getByTestId(`${role}-link`);
    if ((await field.count()) > 0) links[role] = await field.inputValue();
  }
  return links;
}

async function expectReadOnly(reader: Person): Promise<void> {
  await expect(reader.page.getByTestId("editor")).toHaveAttribute("data-readonly", "true");
  await expect(reader.editor).toHaveAttribute("contenteditable", "false");
  await expect(reader.page.getByTestId("readonly-notice")).toBeVisible();
  await expect(reader.page.getByTestId("doc-title")).not.toBeEditable();
  await expect(reader.page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(reader.page.getByTestId("import-file")).toHaveCount(0);
}

test.describe("share links", () => {
  let keys: AccessKeys;
  test.beforeEach(async ({ baseURL, docId }) => {
    keys = await resetKeys(baseURL, docId);
  });

  test("a viewer and a commenter see the editor's edits, carets and presence live, and cannot change the text or title", async ({
    join,
    docId,
  }) => {
    const alice = await join("Alice", docPath(docId, keys.edit));
    const bob = await join("Bob", docPath(docId, keys.view));
    const carol = await join("Carol", docPath(docId, keys.comment));
    await alice.typeAtEnd("Live for readers");
    for (const reader of [bob, carol]) {
      await expect.poll(() => reader.text()).toBe("Live for readers");
      await expectReadOnly(reader);
      await reader.editor.click();
      await reader.page.keyboard.type("Sneaky");
      await reader.page.getByTestId("doc-title").click();
      await reader.page.keyboard.type("Renamed");
    }
    await expect(bob.page.getByTestId("readonly-notice")).toContainText("viewing");
    await expect(carol.page.getByTestId("readonly-notice")).toContainText("comment");
    await expect(bob.page.getByTestId("caret-label")).toHaveText("Alice");

    // Alice's next words reach everyone after anything the readers typed would have.
    await alice.typeAtEnd(" and more");
    for (const person of [alice, bob, carol]) {
      await expect.poll(() => person.text()).toBe("Live for readers and more");
      await expect(person.page.getByTestId("doc-title")).toHaveValue("");
    }

    await expect(alice.presence.filter({ hasText: "Bob" })).toHaveAttribute("data-role", "view");
    await expect(alice.presence.filter({ hasText: "Bob" })).toContainText("viewing");
    await expect(alice.presence.filter({ hasText: "Carol" })).toHaveAttribute("data-role", "comment");
    await expect(bob.presence.filter({ hasText: "Alice" })).toHaveAttribute("data-role", "edit");
    await expect(bob.page.locator('[data-testid=presence-user][data-self="true"]')).toHaveAttribute(
      "data-role",
      "view",
    );
    // A viewer has no caret for others to see.
    await expect(alice.page.getByTestId("caret-label").filter({ hasText: "Bob" })).toHaveCount(0);
  });

  test("the share menu offers the links each person may hand on, and copy link copies their own", async ({
    join,
    baseURL,
    docId,
  }) => {
    const alice = await join("Alice", docPath(docId, keys.edit));
    const bob = await join("Bob", docPath(docId, keys.view));
    const carol = await join("Carol", docPath(docId, keys.comment));
    const link = (key: string) => linkOf(baseURL, docId, key);

    expect(await sharedLinks(alice)).toEqual({
      edit: link(keys.edit),
      comment: link(keys.comment),
      view: link(keys.view),
    });
    await expect(alice.page.getByTestId("reset-links")).toBeVisible();
    expect(await sharedLinks(carol)).toEqual({ comment: link(keys.comment), view: link(keys.view) });
    expect(await sharedLinks(bob)).toEqual({ view: link(keys.view) });
    for (const reader of [bob, carol]) {
      await expect(reader.page.getByTestId("copy-edit-link")).toHaveCount(0);
      await expect(reader.page.getByTestId("reset-links")).toHaveCount(0);
    }

    await alice.allowClipboard();
    await alice.page.getByTestId("copy-view-link").click();
    await expect(alice.page.getByTestId("copy-view-link")).toHaveText("Copied");
    expect(await alice.page.evaluate(() => navigator.clipboard.readText())).toBe(link(keys.view));
    await carol.allowClipboard();
    await carol.page.getByTestId("copy-link").click();
    expect(await carol.page.evaluate(() => navigator.clipboard.readText())).toBe(link(keys.comment));
  });

  test("reset links: the old edit and view links stop working while people use them, and the new ones work", async ({
    join,
    docId,
  }) => {
    const alice = await join("Alice", docPath(docId, keys.edit));
    const dave = await join("Dave", docPath(docId, keys.edit));
    const bob = await join("Bob", docPath(docId, keys.view));
    await alice.typeAtEnd("Before the reset.");
    await expect.poll(() => bob.text()).toBe("Before the reset.");

    await openShareMenu(alice);
    await alice.page.getByTestId("reset-links").click();
    await expect(alice.page).not.toHaveURL(new RegExp(keys.edit));
    await expect(alice.page).toHaveURL(KEYED_PATH);
    for (const person of [bob, dave]) {
      await expect(person.page.getByTestId("access-refused")).toContainText("links were reset");
      await expect(person.page.getByTestId("editor")).toHaveAttribute("data-readonly", "true");
    }
    const fresh = await sharedLinks(alice);
    expect(fresh.view).not.toContain(keys.view);

    // Alice goes on writing on the connection she had; a newcomer with the new view link sees it.
    await alice.typeAtEnd(" After it.");
    const erin = await join("Erin", new URL(fresh.view ?? "").pathname + new URL(fresh.view ?? "").search);
    await expect.poll(() => erin.text()).toBe("Before the reset. After it.");
    await expect(alice.page.getByTestId("access-refused")).toHaveCount(0);
    await expect(alice.status).toHaveAttribute("data-state", "connected");

    await bob.page.reload();
    await expect(bob.page.getByTestId("access-refused")).toContainText("does not open this document");
    await alice.page.reload();
    await expect(alice.status).toHaveAttribute("data-state", "connected");
    await expect.poll(() => alice.text()).toBe("Before the reset. After it.");
  });
});

test("a new document gets its links at creation, and recent documents remember the highest link each browser opened", async ({
  alice,
  join,
}) => {
  await alice.page.getByTestId("new-doc").click();
  await expect(alice.page).toHaveURL(KEYED_PATH);
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  const editPath = new URL(alice.page.url()).pathname + new URL(alice.page.url()).search;
  const docId = new URL(alice.page.url()).pathname.split("/")[2] ?? "";
  await alice.typeInto(alice.page.getByTestId("doc-title"), "Keyed");
  const viewLink = new URL((await sharedLinks(alice)).view ?? "");
  const viewPath = viewLink.pathname + viewLink.search;

  await alice.page.goto(docPath(docId));
  await expect(alice.page.getByTestId("access-refused")).toContainText("share link");

  // Alice looks at what viewers see: her browser still remembers her edit link.
  await alice.page.goto(viewPath);
  await expect(alice.page.getByTestId("readonly-notice")).toBeVisible();
  await expect(alice.page.getByTestId("doc-title")).toHaveValue("Keyed");
  await alice.page.goto("/");
  await expect(alice.page.getByTestId("recent-doc").filter({ hasText: "Keyed" })).toHaveAttribute("href", editPath);

  const bob = await join("Bob", viewPath);
  await expect(bob.page.getByTestId("doc-title")).toHaveValue("Keyed");
  await bob.page.goto("/");
  await expect(bob.page.getByTestId("recent-doc").filter({ hasText: "Keyed" })).toHaveAttribute("href", viewPath);
});

test("a document made before share links keeps working by its address until an editor creates its links", async ({
  alice,
  bob,
}) => {
  await alice.typeAtEnd("An old document");
  await openShareMenu(alice);
  await expect(alice.page.getByTestId("open-document-note")).toBeVisible();
  await expect(alice.page.getByTestId("copy-edit-link")).toBeVisible();
  await expect(alice.page.getByTestId("view-link")).toHaveCount(0);

  await alice.page.getByTestId("reset-links").click();
  await expect(alice.page).toHaveURL(KEYED_PATH);
  await expect(alice.page.getByTestId("view-link")).toHaveValue(KEYED_PATH);
  await expect(bob.page.getByTestId("access-refused")).toContainText("links were reset");
  await bob.page.reload();
  await expect(bob.page.getByTestId("access-refused")).toContainText("share link");
  await alice.typeAtEnd(", still editable");
  await expect.poll(() => alice.text()).toBe("An old document, still editable");
});

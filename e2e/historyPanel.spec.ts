import { docPath } from "../src/docPath";
import { expect, test } from "./people";
import { resetKeys } from "./shareKeys";

// Version history as two people use it: save, compare, restore, undo.

test("a named version, the other's changes in the diff in their name, restore for both, and undo", async ({
  join,
  baseURL,
  docId,
}) => {
  const keys = await resetKeys(baseURL, docId);
  const alice = await join("Alice", docPath(docId, keys.edit));
  const bob = await join("Bob", docPath(docId, keys.edit));
  await alice.typeAtEnd("Alice wrote this. Delete me.");
  await expect.poll(() => bob.text()).toBe("Alice wrote this. Delete me.");

  const history = alice.page.getByTestId("history");
  const versions = history.getByTestId("version");
  await alice.page.getByTestId("history-button").click();
  await alice.typeInto(alice.page.getByTestId("version-name"), "First draft");
  await alice.page.getByTestId("save-version").click();
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText("First draft");

  await bob.editor.click();
  await bob.page.keyboard.press("End");
  for (let character = 0; character < " Delete me.".length; character++) await bob.page.keyboard.press("Backspace");
  await bob.page.keyboard.type(" Bob added this.");
  await expect.poll(() => alice.text()).toBe("Alice wrote this. Bob added this.");
  await alice.page.getByTestId("save-version").click();
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0).getByTestId("version-author")).toHaveText(["Bob"]);
  await expect(versions.nth(1).getByTestId("version-author")).toHaveText(["Alice"]);

  await versions.nth(0).click();
  const preview = alice.page.getByTestId("version-preview");
  await expect(preview.getByTestId("version-insertion")).toHaveText(" Bob added this.");
  await expect(preview.getByTestId("version-insertion")).toHaveAttribute("title", "Added by Bob");
  await expect(preview.getByTestId("version-deletion")).toHaveText(" Delete me.");
  await expect(preview.getByTestId("version-deletion")).toHaveAttribute("title", "Deleted by Bob");
  await expect(alice.page.getByTestId("editor")).toBeHidden();
  await expect(preview.locator(".ProseMirror")).toHaveAttribute("contenteditable", "false");

  await versions.nth(1).click();
  await expect(preview.getByTestId("version-insertion")).toHaveText("Alice wrote this. Delete me.");
  await alice.page.getByTestId("restore-version").click();
  await expect(alice.page.getByTestId("editor")).toBeVisible();
  for (const person of [alice, bob]) await expect.poll(() => person.text()).toBe("Alice wrote this. Delete me.");
  await expect(versions).toHaveCount(3);
  await expect(versions.first()).toContainText("Restored from First draft");

  await alice.editor.click();
  await alice.page.keyboard.press("ControlOrMeta+z");
  for (const person of [alice, bob]) await expect.poll(() => person.text()).toBe("Alice wrote this. Bob added this.");

  await alice.page.getByTestId("close-history").click();
  await expect(history).toHaveCount(0);
});

test("a viewer has no history; a commenter sees it but cannot save or restore", async ({ join, baseURL, docId }) => {
  const keys = await resetKeys(baseURL, docId);
  const alice = await join("Alice", docPath(docId, keys.edit));
  await alice.typeAtEnd("Some text.");
  await alice.page.getByTestId("history-button").click();
  await alice.page.getByTestId("save-version").click();
  await expect(alice.page.getByTestId("version")).toHaveCount(1);

  const viewer = await join("Vic", docPath(docId, keys.view));
  await expect(viewer.page.getByTestId("history-button")).toHaveCount(0);
  const commenter = await join("Cora", docPath(docId, keys.comment));
  await commenter.page.getByTestId("history-button").click();
  await expect(commenter.page.getByTestId("version")).toHaveCount(1);
  await expect(commenter.page.getByTestId("save-version")).toHaveCount(0);
  await commenter.page.getByTestId("version").click();
  await expect(commenter.page.getByTestId("version-insertion")).toHaveText("Some text.");
  await expect(commenter.page.getByTestId("restore-version")).toHaveCount(0);
});

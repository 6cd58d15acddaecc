import { expect, test } from "./people";

test("/ starts a new document with an unguessable id", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/d\/[A-Za-z0-9_-]{22}\?key=[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected");
  const first = page.url();

  await page.getByTestId("new-doc").click();
  await expect(page).not.toHaveURL(first);
  await expect(page).toHaveURL(/\/d\/[A-Za-z0-9_-]{22}\?key=[A-Za-z0-9_-]{22}$/);
});

test("copy link puts the document's address on the clipboard", async ({ alice }) => {
  await alice.allowClipboard();
  await alice.page.getByTestId("copy-link").click();
  await expect(alice.page.getByTestId("copy-link")).toHaveText("Link copied");
  expect(await alice.page.evaluate(() => navigator.clipboard.readText())).toBe(alice.page.url());
});

test("a reload shows the same document and the same person", async ({ alice, bob }) => {
  await alice.typeAtEnd("Still here after a reload");
  await expect.poll(() => bob.text()).toBe("Still here after a reload");

  await alice.page.reload();
  await expect.poll(() => alice.text()).toBe("Still here after a reload");
  await expect(alice.nameInput).toHaveValue("Alice");
  await expect(bob.presence).toHaveCount(2);
});

test("an address that is not a document says so", async ({ page }) => {
  await page.goto("/d/not%20a%20valid%20id!");
  await expect(page.getByRole("heading", { name: "No document here" })).toBeVisible();
});

import { expect, test } from "./people";

const MAX_DOCUMENT_BYTES = 50_000;
test.use({ serverVars: { COWRITE_MAX_DOCUMENT_BYTES: MAX_DOCUMENT_BYTES } });

test("pasting past the document size limit says so, keeps the text here, and loses nothing stored", async ({
  serverDocUrl: docUrl,
  join,
}) => {
  const alice = await join("Alice", docUrl);
  const bob = await join("Bob", docUrl);
  await alice.typeAtEnd("Short and saved.");
  await expect.poll(() => bob.text()).toBe("Short and saved.");

  const huge = "y".repeat(MAX_DOCUMENT_BYTES);
  await alice.page.keyboard.insertText(huge);

  await expect(alice.page.getByTestId("sync-error")).toContainText("size limit");
  await expect(alice.status).toHaveAttribute("data-state", "offline");
  await expect.poll(async () => (await alice.text())?.length).toBe("Short and saved.".length + huge.length);

  await bob.typeAtEnd(" Bob goes on.");
  const carol = await join("Carol", docUrl);
  await expect.poll(() => carol.text()).toBe("Short and saved. Bob goes on.");

  // The refused change cannot be saved; dropping it takes Alice back to the saved document.
  await alice.page.getByRole("button", { name: "Discard unsaved changes" }).click();
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  await expect(alice.page.getByTestId("sync-error")).toHaveCount(0);
  await expect.poll(() => alice.text()).toBe("Short and saved. Bob goes on.");
  await alice.typeAtEnd(" Alice is back.");
  await expect.poll(() => bob.text()).toBe("Short and saved. Bob goes on. Alice is back.");
});

import { documentApiPath } from "../party/shared/roomName";
import { expect, test } from "./people";

test("the title is shared live, names the page and the exported files", async ({ alice, bob, request, docId }) => {
  await alice.typeInto(alice.page.getByTestId("doc-title"), "Quarterly plan");
  await expect(bob.page.getByTestId("doc-title")).toHaveValue("Quarterly plan");
  await expect(bob.page).toHaveTitle("Quarterly plan · Cowrite");
  await alice.typeAtEnd("Grow by *a lot*.");

  const markdown = await alice.download(alice.page.getByTestId("export-markdown"));
  expect(markdown).toEqual({ name: "Quarterly plan.md", text: "Grow by *a lot*." });

  const html = await alice.download(alice.page.getByTestId("export-html"));
  expect(html.name).toBe("Quarterly plan.html");
  expect(html.text).toContain("<title>Quarterly plan</title>");
  expect(html.text).toContain("<p>Grow by <em>a lot</em>.</p>");

  const api = await request.get(`${documentApiPath(docId)}?format=markdown`);
  expect(api.headers()["content-disposition"]).toContain("Quarterly%20plan.md");
});

test("choosing a Markdown file opens it as a new, titled document", async ({ alice }) => {
  const before = alice.page.url();
  await alice.page.getByTestId("import-file").setInputFiles({
    name: "Meeting notes.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("# Agenda\n\n1. Budget\n2. Hiring\n"),
  });
  await expect(alice.page).not.toHaveURL(before);
  await expect(alice.page).toHaveURL(/\/d\/[A-Za-z0-9_-]{22}\?key=[A-Za-z0-9_-]{22}$/);
  await expect(alice.page.getByTestId("doc-title")).toHaveValue("Meeting notes");
  await expect.poll(() => alice.text("h1")).toBe("Agenda");
  await expect.poll(() => alice.text("ol")).toBe("BudgetHiring");
});

test("a file that is neither Markdown nor HTML is refused with a message", async ({ alice }) => {
  await alice.page.getByTestId("import-file").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50]),
  });
  await expect(alice.page.getByRole("alert")).toContainText("not a Markdown (.md) or HTML (.html) file");
});

test("/ lists the documents this browser opened, newest first, with a way to start a new one", async ({ alice }) => {
  await alice.typeInto(alice.page.getByTestId("doc-title"), "Alpha");
  const alphaUrl = alice.page.url();
  await alice.page.getByTestId("new-doc").click();
  await expect(alice.page).not.toHaveURL(alphaUrl);
  await expect(alice.status).toHaveAttribute("data-state", "connected");
  await alice.typeInto(alice.page.getByTestId("doc-title"), "Beta");
  await expect(alice.page).toHaveTitle("Beta · Cowrite");

  await alice.page.goto("/");
  const recent = alice.page.getByTestId("recent-docs").getByTestId("recent-doc");
  await expect(recent).toHaveCount(2);
  await expect(recent.nth(0)).toContainText("Beta");
  await expect(recent.nth(1)).toContainText("Alpha");
  await expect(recent.nth(1)).toContainText("Opened");

  await recent.nth(1).click();
  await expect(alice.page).toHaveURL(alphaUrl);
  await expect(alice.page.getByTestId("doc-title")).toHaveValue("Alpha");

  await alice.page.goto("/");
  await alice.page.getByTestId("new-doc").click();
  await expect(alice.page).toHaveURL(/\/d\/[A-Za-z0-9_-]{22}\?key=[A-Za-z0-9_-]{22}$/);
});

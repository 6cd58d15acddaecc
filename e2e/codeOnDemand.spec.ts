import type { Browser } from "@playwright/test";
import { expect, Person, test } from "./people";

// The code that loads when first used (history, export) says so when it cannot be fetched, and
// the document goes on.

/** Alice in a browser with no service worker, so the page asks the network for its code, which refuses `chunk`. */
async function withoutChunk(browser: Browser, path: string, chunk: string): Promise<Person> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.route(new RegExp(`/assets/${chunk}-[^/]*\\.js$`), (route) => route.abort());
  const alice = new Person("Alice", context, await context.newPage());
  await alice.open(path);
  return alice;
}

test("when history's code cannot be fetched, the panel says so and the document goes on", async ({
  browser,
  docPath: path,
}) => {
  const alice = await withoutChunk(browser, path, "HistoryPanel");
  await alice.page.getByTestId("history-button").click();
  await expect(alice.page.getByTestId("not-loaded")).toContainText("could not be loaded");
  await alice.typeAtEnd("Still writing.");
  await expect.poll(() => alice.text()).toBe("Still writing.");
  await alice.context.close();
});

test("when export's code cannot be fetched, the page says so", async ({ browser, docPath: path }) => {
  const alice = await withoutChunk(browser, path, "downloadDocument");
  await alice.typeAtEnd("Kept here.");
  await alice.page.getByTestId("export-markdown").click();
  await expect(alice.page.getByTestId("not-loaded")).toContainText("could not be loaded");
  await expect(alice.page.getByTestId("unexpected-error")).toHaveCount(0);
  await alice.context.close();
});

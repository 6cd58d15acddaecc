import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { docPath } from "../src/docPath";
import { expect, test } from "./people";
import { resetKeys } from "./shareKeys";

// Every page and state passes axe-core's WCAG 2.1 A and AA rules: a regression fails here.

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** What axe-core finds wrong on the page as it is now, one line per rule and element. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return found.flatMap((rule) => rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${node.target.join(" ")}`));
}

test.describe("axe-core", () => {
  test("the document page, as an editor: toolbar, table tools, link form, highlight menu, share menu, history and comments", async ({
    alice,
  }) => {
    const { page } = alice;
    await alice.typeAtEnd("A passage to discuss");
    await alice.select("passage");
    await page.getByTestId("add-comment").click();
    await alice.typeInto(page.getByTestId("comment-composer"), "Why this word?");
    await page.getByTestId("comment-composer-post").click();
    await expect(page.getByTestId("comment-thread")).toHaveCount(1);
    await alice.typeAtEnd(" ");
    await page.getByTestId("toolbar-table").click();
    await expect(page.getByTestId("toolbar-deleteTable")).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press("ControlOrMeta+k");
    await expect(page.getByTestId("link-editor")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByTestId("toolbar-highlight").click();
    await expect(page.getByTestId("highlight-none")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByTestId("share").click();
    await expect(page.getByTestId("reset-links")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByTestId("history-button").click();
    await expect(page.getByTestId("history")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("the home page, a read-only document and a refused link", async ({ alice, baseURL, docId }) => {
    const { page } = alice;
    const keys = await resetKeys(baseURL, docId);
    await alice.open(docPath(docId, keys.view));
    await expect(page.getByTestId("readonly-notice")).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto("/");
    await expect(page.getByRole("link", { name: /Untitled document/ })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto(docPath(docId, "not-a-key"));
    await expect(page.getByTestId("access-refused")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test("the toolbar is one tab stop: arrow keys, Home and End move within it, Tab leaves and comes back", async ({
  alice,
}) => {
  const { page } = alice;
  await alice.typeAtEnd("Some text");
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
  await expect(page.locator('.toolbar-button[tabindex="0"]')).toHaveCount(1);

  await page.getByTestId("toolbar-bold").focus();
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toBe("toolbar-italic");
  await page.keyboard.press("End");
  expect(await focused()).toBe("toolbar-table");
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toBe("toolbar-undo");
  await page.keyboard.press("ArrowLeft");
  expect(await focused()).toBe("toolbar-table");

  await page.keyboard.press("Tab");
  expect(await focused()).not.toMatch(/^toolbar-/);
  await page.keyboard.press("Shift+Tab");
  expect(await focused()).toBe("toolbar-table");
  await expect(page.locator('.toolbar-button[tabindex="0"]')).toHaveCount(1);

  // A button pressed from the keyboard works on the text as a click would.
  await alice.select("Some");
  await page.getByTestId("toolbar-bold").focus();
  await page.keyboard.press("Enter");
  await expect(alice.editor.locator("strong")).toHaveText("Some");
});

test("someone joining or leaving is announced, politely, to screen readers", async ({ alice, join }) => {
  const announcement = alice.page.getByTestId("presence-announcement");
  await expect(announcement).toHaveAttribute("role", "status");
  // Bob comes in under the name his browser made up, and then renames himself.
  const bob = await join("Bob");
  await expect(announcement).toHaveText(/ joined$/);
  // He leaves once Alice knows him by his new name: the announcement names whom she last saw.
  await expect(alice.presence.filter({ hasText: "Bob" })).toHaveCount(1);
  await bob.page.close();
  await expect(announcement).toHaveText("Bob left");
});

test("by keyboard alone: into the title and the text, format it, share and open history", async ({ alice }) => {
  // Firefox under WebDriver BiDi neither counts its keys as keyboard use for :focus-visible nor
  // reliably presses a focused button with Enter: the keyboard run is Chromium's.
  test.skip(alice.engine !== "chromium", "WebDriver BiDi's keys are not a keyboard's in Firefox");
  const { page } = alice;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
  /** Presses Tab until the control with this test id has the focus, as someone looking for it would. */
  const tabTo = async (testId: string) => {
    for (let presses = 0; presses < 60 && (await focused()) !== testId; presses++) await page.keyboard.press("Tab");
    expect(await focused()).toBe(testId);
  };
  const outline = () => page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  await page.goto(page.url());
  await expect(alice.status).toHaveAttribute("data-state", "connected");

  await tabTo("doc-title");
  await page.keyboard.type("Keys only");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Every word typed");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+b");
  await expect(alice.editor.locator("strong")).toHaveText("Every word typed");

  await tabTo("share");
  expect(await outline()).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(page.locator("#share-panel")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator("#share-panel")).toHaveCount(0);

  await tabTo("history-button");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("history")).toBeVisible();
});

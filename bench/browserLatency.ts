import type { Browser, Page } from "@playwright/test";
import { launchEngine } from "../e2e/engines";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { putMarkdown } from "./putMarkdown";
import { type Summary, summarize } from "./stats";

export const PAGE_OF_TEXT =
  `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ".repeat(6)}\n\n`.repeat(
    5,
  );

async function openDocument(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
  return page;
}

/**
 * Time from a keystroke in one browser to the character painted in another: keydown time in
 * the writer against the first animation frame after the reader's document grew. Both pages
 * run on this machine, so their high-resolution clocks agree.
 */
export async function browserLatency(baseUrl: string, pages: number, keystrokes: number): Promise<Summary> {
  const browser = await launchEngine("chromium");
  try {
    const docId = newDocId();
    if (pages > 0) await putMarkdown(baseUrl, docId, PAGE_OF_TEXT.repeat(pages));
    const writer = await openDocument(browser, `${baseUrl}${docPath(docId)}`);
    const reader = await openDocument(browser, `${baseUrl}${docPath(docId)}`);
    // Sent as source text: the bench runs under tsx, whose helpers do not exist in the page.
    await reader.evaluate(`(() => {
      const editor = document.querySelector(".ProseMirror");
      const lastBlockLength = () => editor.lastElementChild?.textContent?.length ?? 0;
      window.benchPaints = [];
      window.benchLength = lastBlockLength();
      new MutationObserver(() => {
        const length = lastBlockLength();
        if (length <= window.benchLength) return;
        window.benchLength = length;
        requestAnimationFrame(() => window.benchPaints.push(performance.timeOrigin + performance.now()));
      }).observe(editor, { subtree: true, childList: true, characterData: true });
    })()`);
    await writer.evaluate(`(() => {
      window.benchKeys = [];
      document.addEventListener("keydown", () => window.benchKeys.push(performance.timeOrigin + performance.now()), true);
    })()`);
    await writer.locator(".ProseMirror").click();
    await writer.keyboard.press("ControlOrMeta+End");
    // The first keystroke also brings the writer's caret label into the reader's page: not measured.
    await writer.keyboard.type("x");
    await reader.waitForFunction("window.benchPaints.length >= 1");
    await reader.evaluate("window.benchPaints = []");
    await writer.evaluate("window.benchKeys = []");

    for (let keystroke = 1; keystroke <= keystrokes; keystroke++) {
      await writer.keyboard.type("x");
      await reader.waitForFunction(`window.benchPaints.length >= ${keystroke}`);
    }
    const keys = (await writer.evaluate("window.benchKeys")) as number[];
    const paints = (await reader.evaluate("window.benchPaints")) as number[];
    // Each key against the first paint after it: a repaint with no key of its own (a caret label
    // drawn again) must not shift every later pairing.
    return summarize(keys.map((sent) => (paints.find((painted) => painted >= sent) ?? Number.NaN) - sent));
  } finally {
    await browser.close();
  }
}

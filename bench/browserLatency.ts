import type { Browser, Page } from "@playwright/test";
import { launchEngine } from "../e2e/engines";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { type Collaborator, joinAsCollaborator, typeKey } from "./collaborators";
import { putMarkdown } from "./putMarkdown";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";

export const PAGE_OF_TEXT =
  `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ".repeat(6)}\n\n`.repeat(
    5,
  );

// Collaborators type about five characters a second each.
const COLLABORATOR_KEY_MS = 200;

export interface BrowserLatencyResult {
  /** Keydown in one window to the character painted in the other. */
  remote: Summary;
  /** Keydown to the character painted in the writer's own window. */
  own: Summary;
  /** Tasks over 50 ms in either window while the keys were typed (the Long Tasks API). */
  longTasks: { count: number; maxMs: number };
}

async function openDocument(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
  return page;
}

// Sent as source text: the bench runs under tsx, whose helpers do not exist in the page. Records
// the first animation frame after the document's last block grew (collaborators type elsewhere),
// and every long task.
const WATCH_PAINTS = `(() => {
  const editor = document.querySelector(".ProseMirror");
  const lastBlockLength = () => editor.lastElementChild?.textContent?.length ?? 0;
  window.benchPaints = [];
  window.benchLongTasks = [];
  window.benchLength = lastBlockLength();
  new MutationObserver(() => {
    const length = lastBlockLength();
    if (length <= window.benchLength) return;
    window.benchLength = length;
    requestAnimationFrame(() => window.benchPaints.push(performance.timeOrigin + performance.now()));
  }).observe(editor, { subtree: true, childList: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.benchLongTasks.push(task.duration);
  }).observe({ type: "longtask" });
})()`;

const RESET = "window.benchPaints = []; window.benchLongTasks = []; window.benchKeys = []";

/** Each key against the first paint after it: a repaint with no key of its own must not shift every later pairing. */
function keyToPaint(keys: number[], paints: number[]): Summary {
  return summarize(keys.map((sent) => (paints.find((painted) => painted >= sent) ?? Number.NaN) - sent));
}

/**
 * Time from a keystroke in one browser to the character painted in another, and in its own
 * window: keydown time against the first animation frame after the document grew at the end.
 * With `collaborators`, that many headless people type elsewhere in the document meanwhile,
 * their carets moving with each key. Both pages run on this machine, so their clocks agree.
 */
export async function browserLatency(
  baseUrl: string,
  pages: number,
  keystrokes: number,
  collaborators: { server: BenchServer; count: number } | null = null,
): Promise<BrowserLatencyResult> {
  const browser = await launchEngine("chromium");
  const others: Collaborator[] = [];
  let typing: ReturnType<typeof setInterval> | undefined;
  try {
    const docId = newDocId();
    if (pages > 0) await putMarkdown(baseUrl, docId, PAGE_OF_TEXT.repeat(pages));
    const writer = await openDocument(browser, `${baseUrl}${docPath(docId)}`);
    const reader = await openDocument(browser, `${baseUrl}${docPath(docId)}`);
    for (let index = 0; index < (collaborators?.count ?? 0); index++) {
      others.push(await joinAsCollaborator(collaborators!.server, docId, index));
    }
    if (others.length > 0) {
      typing = setInterval(() => others.forEach(typeKey), COLLABORATOR_KEY_MS);
    }
    for (const page of [writer, reader]) await page.evaluate(WATCH_PAINTS);
    await writer.evaluate(`(() => {
      window.benchKeys = [];
      document.addEventListener("keydown", () => window.benchKeys.push(performance.timeOrigin + performance.now()), true);
    })()`);
    await writer.locator(".ProseMirror").click();
    await writer.keyboard.press("ControlOrMeta+End");
    // The first keystroke also brings the writer's caret label into the reader's page: not measured.
    await writer.keyboard.type("x");
    await reader.waitForFunction("window.benchPaints.length >= 1");
    for (const page of [writer, reader]) await page.evaluate(RESET);

    for (let keystroke = 1; keystroke <= keystrokes; keystroke++) {
      await writer.keyboard.type("x");
      await reader.waitForFunction(`window.benchPaints.length >= ${keystroke}`);
    }
    const keys = (await writer.evaluate("window.benchKeys")) as number[];
    const longTasks = [
      ...((await writer.evaluate("window.benchLongTasks")) as number[]),
      ...((await reader.evaluate("window.benchLongTasks")) as number[]),
    ];
    return {
      remote: keyToPaint(keys, (await reader.evaluate("window.benchPaints")) as number[]),
      own: keyToPaint(keys, (await writer.evaluate("window.benchPaints")) as number[]),
      longTasks: { count: longTasks.length, maxMs: Math.max(0, ...longTasks) },
    };
  } finally {
    clearInterval(typing);
    for (const { client } of others) client.close();
    await browser.close();
  }
}

import type { BrowserContext } from "@playwright/test";
import { launchEngine } from "../e2e/engines";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { PAGE_OF_TEXT } from "./browserLatency";
import { putMarkdown } from "./putMarkdown";
import { median } from "./stats";

/** Milliseconds from navigation until the page showed the whole document, and until it took a key. */
export interface LoadTimes {
  contentMs: number;
  editableMs: number;
}

export interface PageLoadResult {
  pages: number;
  runs: number;
  /** A first visit: nothing cached, the server up. Medians. */
  firstVisit: LoadTimes;
  /** A later visit, from the service worker's app and the device's copy of the document. */
  laterVisit: LoadTimes;
  /** A later visit with the network gone. */
  laterVisitOffline: LoadTimes;
}

// Sent as source text: the bench runs under tsx, whose helpers do not exist in the page. Times
// are the first animation frame after the editor holds every paragraph, and after it is also
// editable and has taken a typed character, from the navigation's start.
const WATCH = (paragraphs: number) => `(() => {
  window.benchLoad = {};
  const frame = (name) => requestAnimationFrame(() => { window.benchLoad[name] ??= performance.now(); });
  const check = () => {
    const editor = document.querySelector(".ProseMirror");
    if (!editor || editor.childElementCount < ${paragraphs}) return;
    if (!window.benchLoad.seen) {
      window.benchLoad.seen = true;
      frame("contentMs");
    }
    if (editor.getAttribute("contenteditable") === "true" && !window.benchLoad.typed) {
      window.benchLoad.typed = true;
      editor.addEventListener("input", () => frame("editableMs"), { once: true });
      editor.focus();
      document.execCommand("insertText", false, "x");
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

async function visit(context: BrowserContext, url: string, paragraphs: number, online = true): Promise<LoadTimes> {
  const page = await context.newPage();
  await page.addInitScript(WATCH(paragraphs));
  await page.goto(url);
  await page.waitForFunction("window.benchLoad.editableMs !== undefined && window.benchLoad.contentMs !== undefined");
  const times = (await page.evaluate("window.benchLoad")) as LoadTimes;
  // Left to settle before it closes: a page closed mid-request makes workerd log an error.
  if (online) await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
  await page.close();
  return { contentMs: times.contentMs, editableMs: times.editableMs };
}

const medians = (times: LoadTimes[]): LoadTimes => ({
  contentMs: median(times.map((each) => each.contentMs)),
  editableMs: median(times.map((each) => each.editableMs)),
});

/**
 * How soon a long document opens in Chromium: a first visit, a later one from the device's copy,
 * and a later one offline. Each run is a fresh browser profile on a fresh copy of the document
 * (the runs type into it).
 */
export async function pageLoad(baseUrl: string, pages: number, runs: number): Promise<PageLoadResult> {
  const markdown = PAGE_OF_TEXT.repeat(pages);
  const paragraphs = markdown.trim().split("\n\n").length;
  const browser = await launchEngine("chromium");
  const first: LoadTimes[] = [];
  const later: LoadTimes[] = [];
  const offline: LoadTimes[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const docId = newDocId();
      await putMarkdown(baseUrl, docId, markdown);
      const url = `${baseUrl}${docPath(docId)}`;
      const context = await browser.newContext();
      first.push(await visit(context, url, paragraphs));
      // The next visits come once the service worker has the app and the device has the document.
      const warm = await context.newPage();
      await warm.goto(url);
      await warm.waitForFunction("navigator.serviceWorker.controller !== null");
      await warm.locator("[data-testid=connection-status][data-state=connected]").waitFor();
      await warm.close();
      later.push(await visit(context, url, paragraphs));
      await context.setOffline(true);
      offline.push(await visit(context, url, paragraphs, false));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { pages, runs, firstVisit: medians(first), laterVisit: medians(later), laterVisitOffline: medians(offline) };
}

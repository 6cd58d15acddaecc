import { launchEngine } from "../e2e/engines";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { PAGE_OF_TEXT } from "./browserLatency";
import { type Collaborator, joinAsCollaborator, typeKey } from "./collaborators";
import { putMarkdown } from "./putMarkdown";
import type { BenchServer } from "./servers";

const COLLABORATORS = 5;
// Each collaborator types a key a second of simulated time; the clock runs this much faster.
const SPEED_UP = 20;
const TICK_MS = 1000 / SPEED_UP;
const SIMULATED_MINUTE_TICKS = 60;
// Every this many simulated minutes one collaborator leaves and someone new joins.
const CHURN_MINUTES = 10;

export interface TabHeapResult {
  simulatedMinutes: number;
  keystrokes: number;
  /** The tab's JS heap after a forced garbage collection, every ten simulated minutes (from 0), in bytes. */
  heapBytes: number[];
}

/**
 * One tab open on a ~10-page document for `simulatedMinutes` of a working session, time
 * compressed 20×: five collaborators each type a key a second into paragraphs of their own
 * (emptied as they grow; each who leaves leaves at most 300 characters), their carets moving
 * with every key; every ten minutes one of them leaves and someone new joins; the tab's own
 * person types a few words and deletes them every minute. The tab's JS heap is read after a
 * forced collection every ten simulated minutes: with the document about the same size, it
 * should level off.
 */
export async function tabHeap(server: BenchServer, baseUrl: string, simulatedMinutes: number): Promise<TabHeapResult> {
  const docId = newDocId();
  await putMarkdown(baseUrl, docId, PAGE_OF_TEXT.repeat(10));
  const browser = await launchEngine("chromium");
  const collaborators: Collaborator[] = [];
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}${docPath(docId)}`);
    await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    const devtools = await page.context().newCDPSession(page);
    const heap = async () => {
      await devtools.send("HeapProfiler.collectGarbage");
      return (await devtools.send("Runtime.getHeapUsage")).usedSize;
    };
    let joined = 0;
    for (; joined < COLLABORATORS; joined++) collaborators.push(await joinAsCollaborator(server, docId, joined));
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("ControlOrMeta+Home");

    const heapBytes = [await heap()];
    let keystrokes = 0;
    for (let minute = 1; minute <= simulatedMinutes; minute++) {
      const typing = setInterval(() => {
        for (const collaborator of collaborators) typeKey(collaborator);
        keystrokes += collaborators.length;
      }, TICK_MS);
      const minuteOver = new Promise((resolve) => setTimeout(resolve, TICK_MS * SIMULATED_MINUTE_TICKS));
      await page.keyboard.type("own words ");
      for (let key = 0; key < "own words ".length; key++) await page.keyboard.press("Backspace");
      await minuteOver;
      clearInterval(typing);
      if (minute % CHURN_MINUTES === 0) {
        collaborators.shift()?.client.close();
        collaborators.push(await joinAsCollaborator(server, docId, joined++));
        heapBytes.push(await heap());
      }
    }
    return { simulatedMinutes, keystrokes, heapBytes };
  } finally {
    for (const { client } of collaborators) client.close();
    await browser.close();
  }
}

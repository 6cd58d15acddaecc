import { launchEngine } from "../e2e/engines";
import { paragraphTexts } from "../e2e/paragraphTexts";
import { untilDocument } from "../e2e/untilDocument";
import { newDocId } from "../party/shared/docId";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import type { VersionInfo } from "../party/shared/history";
import { documentApiPath } from "../party/shared/roomName";
import { docPath } from "../src/docPath";
import { connect } from "./benchClient";
import { PAGE_OF_TEXT } from "./browserLatency";
import type { BenchServer } from "./servers";
import { median } from "./stats";

export interface HistoryTimesResult {
  versions: number;
  pages: number;
  /** `GET ?versions` of that many versions, median of 11. */
  listMs: number;
  /** From choosing the newest version in the panel to its diff shown, on the long document. */
  diffMs: number;
  /** From asking to restore the long document's first version to a connected collaborator having it. */
  restoreMs: number;
}

const LIST_VERSIONS = 500;

async function call(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

function put(url: string, markdown: string): Promise<Response> {
  return call(url, { method: "PUT", headers: { "Content-Type": "text/markdown" }, body: markdown });
}

/** Cowrite's history goals: the list of 500 versions, a diff and a restore of a long document. */
export async function historyTimes(server: BenchServer, baseUrl: string, pages: number): Promise<HistoryTimesResult> {
  const listed = `${baseUrl}${documentApiPath(newDocId())}`;
  // An unchanged document gives back its newest version: each save follows a change.
  for (let version = 0; version < LIST_VERSIONS; version++) {
    await put(listed, `A short document, version ${version}.`);
    await call(`${listed}?versions`, { method: "POST" });
  }
  const listTimes: number[] = [];
  for (let run = 0; run < 11; run++) {
    const started = performance.now();
    const { versions } = (await (await call(`${listed}?versions`)).json()) as { versions: VersionInfo[] };
    listTimes.push(performance.now() - started);
    if (versions.length !== LIST_VERSIONS) throw new Error(`${versions.length} versions listed, not ${LIST_VERSIONS}`);
  }

  const docId = newDocId();
  const long = `${baseUrl}${documentApiPath(docId)}`;
  const original = PAGE_OF_TEXT.repeat(pages);
  await put(long, original);
  const first = (await (await call(`${long}?versions`, { method: "POST" })).json()) as VersionInfo;
  // Every fifth paragraph rewritten: insertions and deletions all through the document.
  const paragraphs = original.trim().split("\n\n");
  await put(
    long,
    paragraphs.map((text, index) => (index % 5 === 0 ? `${text.slice(40)} Rewritten.` : text)).join("\n\n"),
  );
  await call(`${long}?versions`, { method: "POST" });

  const browser = await launchEngine("chromium");
  let diffMs: number;
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}${docPath(docId)}`);
    await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    await page.getByTestId("history-button").click();
    const newest = page.getByTestId("version").first();
    await newest.waitFor();
    const started = performance.now();
    await newest.click();
    await page.getByTestId("version-deletion").first().waitFor();
    diffMs = performance.now() - started;
  } finally {
    await browser.close();
  }

  const reader = await connect(server, docId);
  const body = reader.doc.getXmlFragment(DOCUMENT_FIELD);
  const started = performance.now();
  await call(`${long}?version=${first.id}&restore`, { method: "POST" });
  await untilDocument(reader.doc, () => paragraphTexts(body)[0] === paragraphs[0]);
  const restoreMs = performance.now() - started;
  reader.close();
  return { versions: LIST_VERSIONS, pages, listMs: median(listTimes), diffMs, restoreMs };
}

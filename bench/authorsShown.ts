import { launchEngine } from "../e2e/engines";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { PAGE_OF_TEXT } from "./browserLatency";
import { putMarkdown } from "./putMarkdown";
import { median } from "./stats";

export interface AuthorsShownResult {
  pages: number;
  /** Authors coloured in the text: "Show authors" clicked to the frame that shows them, median of 5. */
  showMs: number;
}

/** How long "Show authors" takes on a long document written by three people, every third paragraph rewritten. */
export async function authorsShown(baseUrl: string, pages: number): Promise<AuthorsShownResult> {
  const docId = newDocId();
  const paragraphs = PAGE_OF_TEXT.repeat(pages).trim().split("\n\n");
  await putMarkdown(baseUrl, docId, paragraphs.join("\n\n"), "?author=First");
  const rewrite = (every: number, words: string) =>
    paragraphs.map((text, index) => (index % every === 0 ? `${words} ${text.slice(30)}` : text));
  await putMarkdown(baseUrl, docId, rewrite(3, "Rewritten by the second.").join("\n\n"), "?author=Second");
  await putMarkdown(baseUrl, docId, rewrite(5, "And by the third.").join("\n\n"), "?author=Third");

  const browser = await launchEngine("chromium");
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}${docPath(docId)}`);
    await page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    const toggle = page.getByTestId("show-authors");
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      // Sent as source text: the bench runs under tsx, whose helpers do not exist in the page.
      const shownMs = (await page.evaluate(`new Promise((resolve) => {
        const started = performance.now();
        document.querySelector("[data-testid=show-authors]").click();
        const painted = () =>
          document.querySelector(".author-text")
            ? requestAnimationFrame(() => resolve(performance.now() - started))
            : requestAnimationFrame(painted);
        painted();
      })`)) as number;
      times.push(shownMs);
      await toggle.click();
      await page.locator(".author-text").first().waitFor({ state: "detached" });
    }
    return { pages, showMs: median(times) };
  } finally {
    await browser.close();
  }
}

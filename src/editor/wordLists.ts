import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/**
 * Word's lists as lists. Word puts a list on the clipboard (and in its HTML files) as plain
 * paragraphs, each styled `mso-list:l<list> level<depth>` and starting with its bullet or number
 * in a span styled `mso-list:Ignore`; read as they are, they arrive as paragraphs that start with
 * a bullet character. This turns each run of such paragraphs into nested `ul`/`ol` lists, the
 * markers dropped, in place, in a parsed document.
 */
export function listsFromWord(document: Document): void {
  for (const run of listParagraphRuns(document)) replaceRun(document, run);
}

interface ListParagraph {
  paragraph: Element;
  level: number;
  ordered: boolean;
}

const LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/i;
const MARKER_STYLE = /mso-list:\s*ignore/i;
// Word's numbers: 1. 1) a. A) iv. — anything else (·, o, §, -) is a bullet.
const NUMBER_MARKER = /^\(?[0-9a-z]{1,5}[.)]$/i;

function asListParagraph(element: Element): ListParagraph | null {
  const level = LIST_STYLE.exec(element.getAttribute("style") ?? "")?.[1];
  if (element.localName !== "p" || level === undefined) return null;
  const markers = [...element.querySelectorAll("span")].filter((span) =>
    MARKER_STYLE.test(span.getAttribute("style") ?? ""),
  );
  const marker = (markers[0]?.textContent ?? "").replace(/[\s\u00a0]+/g, "");
  for (const span of markers) span.remove();
  return { paragraph: element, level: Math.max(1, Number(level)), ordered: NUMBER_MARKER.test(marker) };
}

/** Each run of list paragraphs that follow one another (blank text between them aside). */
function listParagraphRuns(document: Document): ListParagraph[][] {
  const runs: ListParagraph[][] = [];
  const seen = new Set<Element>();
  for (const first of document.querySelectorAll("p")) {
    if (seen.has(first)) continue;
    const run: ListParagraph[] = [];
    for (let node: Node | null = first; node; node = node.nextSibling) {
      if (node.nodeType === 3 && !(node.textContent ?? "").trim()) continue;
      if (node.nodeType === 8) continue;
      const item = node.nodeType === 1 ? asListParagraph(node as Element) : null;
      if (!item) break;
      seen.add(item.paragraph);
      run.push(item);
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Puts the run's lists where its paragraphs were, a deeper level inside the item before it. */
function replaceRun(document: Document, run: ListParagraph[]): void {
  const open: { level: number; list: Element }[] = [];
  for (const { paragraph, level, ordered } of run) {
    const tag = ordered ? "ol" : "ul";
    // Back out of deeper lists, and out of one of this level that is of the other kind.
    for (
      let top = open.at(-1);
      top && (top.level > level || (top.level === level && top.list.localName !== tag));
      top = open.at(-1)
    ) {
      open.pop();
    }
    const top = open.at(-1);
    if (!top || top.level < level) {
      const list = document.createElement(tag);
      const holder = top?.list.lastElementChild;
      if (holder) holder.appendChild(list);
      else paragraph.before(list);
      open.push({ level, list });
    }
    const item = document.createElement("li");
    const text = document.createElement("p");
    while (paragraph.firstChild) text.appendChild(paragraph.firstChild);
    item.appendChild(text);
    open.at(-1)!.list.appendChild(item);
    paragraph.remove();
  }
}

/** Pasted HTML from Word keeps its lists; anything else passes as it came. */
export const WordLists = Extension.create({
  name: "wordLists",
  addProseMirrorPlugins: () => [
    new Plugin({
      props: {
        transformPastedHTML: (html) => {
          if (!html.includes("mso-list")) return html;
          const document = new DOMParser().parseFromString(html, "text/html");
          listsFromWord(document);
          return document.body.innerHTML;
        },
      },
    }),
  ],
});

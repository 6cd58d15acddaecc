import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { listsFromWord } from "../src/editor/wordLists";
import { WORD_LISTS } from "./fixtures/wordClipboard";

/** The body's HTML once Word's list paragraphs are lists, with Word's empty `o:p` tags left out. */
function converted(html: string): string {
  // linkedom, unlike a browser, needs the fragment in a body.
  const page = html.startsWith("<html") ? html : `<html><body>${html}</body></html>`;
  const document = new DOMParser().parseFromString(page, "text/html") as unknown as Document;
  listsFromWord(document);
  return document.body.innerHTML
    .replace(/<o:p><\/o:p>|<!--[^>]*-->|<!\[[^>]*\]>/g, "")
    .replace(/ (class|style|lang)=("[^"]*"|'[^']*')/g, "");
}

describe("listsFromWord", () => {
  it("makes Word's bulleted and numbered paragraphs lists, nested by level, their markers gone", () => {
    const html = converted(WORD_LISTS);
    expect(html.replace(/<span><\/span>/g, "")).toBe(
      "<p>Packing</p>" +
        "<ul><li><p><b>Tickets</b></p><ul><li><p>Printed</p></li></ul></li><li><p>Passport</p></li></ul>" +
        "<p>Then</p>" +
        "<ol><li><p>Pack</p></li><li><p>Go</p></li></ol>",
    );
  });

  it("leaves HTML without Word's lists as it was", () => {
    expect(converted("<p>One</p><ul><li>Two</li></ul>")).toBe("<p>One</p><ul><li>Two</li></ul>");
  });
});

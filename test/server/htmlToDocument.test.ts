import { describe, expect, it } from "vitest";
import { htmlToDocument } from "../../party/api/htmlToDocument";
import { renderDocument } from "../../party/shared/documentFormats";
import { EVERY_NODE } from "../fixtures/everyNode";

describe("HTML coming in", () => {
  it("brings back every node and mark the editor's HTML has", () => {
    // Compared as Markdown: linkedom reads an absent class as "", which leaves an empty class on links.
    const html = renderDocument(EVERY_NODE, "html");
    expect(renderDocument(htmlToDocument(html), "markdown")).toBe(renderDocument(EVERY_NODE, "markdown"));
  });

  it("reads the usual synonyms the editor's rules know", () => {
    expect(renderDocument(htmlToDocument("<p><b>b</b> <i>i</i> <del>d</del></p>"), "markdown")).toBe("**b** *i* ~~d~~");
  });

  it("drops scripts, styles, handlers and what the schema cannot hold", () => {
    const parsed = htmlToDocument(
      '<p onclick="alert(1)">Safe<script>alert(2)</script><style>p{}</style><img src=x onerror="alert(3)"></p><iframe src="x"></iframe>',
    );
    expect(renderDocument(parsed, "html")).toBe("<p>Safe</p>");
  });

  it("keeps javascript: links out", () => {
    expect(renderDocument(htmlToDocument('<p><a href="javascript:alert(1)">x</a></p>'), "html")).not.toContain(
      "javascript:",
    );
  });
});

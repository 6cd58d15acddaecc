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

  it("reads table cells' spans and widths only as the server takes them", () => {
    const parsed = htmlToDocument(
      '<table><colgroup><col width="auto"></colgroup><tr><td colspan="0" rowspan="x">a</td>' +
        '<td colspan="2" colwidth="120,80">b</td><td colspan="1000">c</td></tr></table>',
    );
    const cells = parsed.content?.[0]?.content?.[0]?.content?.map((cell) => cell.attrs);
    expect(cells).toEqual([
      { colspan: 1, rowspan: 1, colwidth: null, align: null },
      { colspan: 2, rowspan: 1, colwidth: [120, 80], align: null },
      { colspan: 1, rowspan: 1, colwidth: null, align: null },
    ]);
  });

  it("keeps a link's address and text, never its class, target or rel", () => {
    const html = '<p><a href="https://example.com/" class="app-update" target="_top" rel="opener">Update</a></p>';
    expect(renderDocument(htmlToDocument(html), "html")).toBe(
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/">Update</a></p>',
    );
  });

  it("keeps javascript: links out", () => {
    expect(renderDocument(htmlToDocument('<p><a href="javascript:alert(1)">x</a></p>'), "html")).not.toContain(
      "javascript:",
    );
  });
});

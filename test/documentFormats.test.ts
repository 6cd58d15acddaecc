import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { documentFromMarkdown, renderDocument } from "../party/shared/documentFormats";
import { EVERY_NODE } from "./fixtures/everyNode";

const MARKDOWN = `# Title

## Section

### Subsection

Plain, **bold**, *italic*, ~~struck~~, \`code\`, ++underlined++, ==highlighted== and a [link](https://example.com/).  
After a break.

- First
- Second
  - Nested

3. Three
4. Four

- [ ] To do
- [x] Done
  - [ ] Nested task

| Name | Role   |
| ---- | ------ |
| Ann  | Writes |

> Quoted.

\`\`\`ts
const answer = 42;
export { answer };
\`\`\`

---

The end.`;

const HTML =
  "<h1>Title</h1><h2>Section</h2><h3>Subsection</h3>" +
  "<p>Plain, <strong>bold</strong>, <em>italic</em>, <s>struck</s>, <code>code</code>, <u>underlined</u>, " +
  '<mark data-color="#bbf7d0" style="background-color: #bbf7d0; color: inherit">highlighted</mark> and a ' +
  '<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/">link</a>.<br/>After a break.</p>' +
  "<ul><li><p>First</p></li><li><p>Second</p><ul><li><p>Nested</p></li></ul></li></ul>" +
  '<ol start="3"><li><p>Three</p></li><li><p>Four</p></li></ol>' +
  '<ul data-type="taskList"><li data-checked="false" data-type="taskItem"><label><input type="checkbox"/><span/></label>' +
  '<div><p>To do</p></div></li><li data-checked="true" data-type="taskItem"><label>' +
  '<input type="checkbox" checked="checked"/><span/></label><div><p>Done</p><ul data-type="taskList">' +
  '<li data-checked="false" data-type="taskItem"><label><input type="checkbox"/><span/></label>' +
  "<div><p>Nested task</p></div></li></ul></div></li></ul>" +
  '<table style="min-width: 50px"><colgroup><col style="min-width: 25px"/><col style="min-width: 25px"/></colgroup>' +
  '<tbody><tr><th colspan="1" rowspan="1"><p>Name</p></th><th colspan="1" rowspan="1"><p>Role</p></th></tr>' +
  '<tr><td colspan="1" rowspan="1"><p>Ann</p></td><td colspan="1" rowspan="1"><p>Writes</p></td></tr></tbody></table>' +
  "<blockquote><p>Quoted.</p></blockquote>" +
  '<pre><code class="language-ts">const answer = 42;\nexport { answer };</code></pre><hr/><p>The end.</p>';

const TEXT = `Title

Section

Subsection

Plain, bold, italic, struck, code, underlined, highlighted and a link.
After a break.

First
Second
Nested

Three
Four

To do
Done
Nested task

Name\tRole
Ann\tWrites

Quoted.

const answer = 42;
export { answer };

The end.`;

describe("a document with every node and mark", () => {
  it("renders as Markdown", () => {
    expect(renderDocument(EVERY_NODE, "markdown")).toBe(MARKDOWN);
  });

  it("renders as HTML", () => {
    expect(renderDocument(EVERY_NODE, "html")).toBe(HTML);
  });

  it("renders as plain text", () => {
    expect(renderDocument(EVERY_NODE, "text")).toBe(TEXT);
  });

  it("renders as its JSON", () => {
    expect(JSON.parse(renderDocument(EVERY_NODE, "json"))).toEqual(EVERY_NODE);
  });

  it("comes back from its Markdown whole", () => {
    const parsed = documentFromMarkdown(MARKDOWN);
    expect(renderDocument(parsed, "markdown")).toBe(MARKDOWN);
    // Markdown's `==` has no colour: the highlight comes back plain.
    expect(renderDocument(parsed, "html")).toBe(HTML.replace(/<mark [^>]*>/, "<mark>"));
  });
});

describe("Markdown coming in", () => {
  it("refuses a table too big to build, before building it", () => {
    const bomb = `${"|a".repeat(1000)}|\n${"|-".repeat(1000)}|\n${"b\n".repeat(1000)}`;
    expect(() => documentFromMarkdown(bomb)).toThrow("a table of 1000 columns and 1001 rows is over the limit");
    expect(() =>
      documentFromMarkdown(`> ${"|a".repeat(200)}|\n> ${"|-".repeat(200)}|\n${"> b\n".repeat(100)}`),
    ).toThrow("over the limit");
    expect(documentFromMarkdown("| a | b |\n| - | - |\n| c | d |").content?.[0]?.type).toBe("table");
  });

  it("keeps the text of links a document may not hold, without the link", () => {
    const parsed = documentFromMarkdown("[relative](/docs), [phone](tel:123) and [web](https://example.com/)");
    expect(renderDocument(parsed, "markdown")).toBe("relative, phone and [web](https://example.com/)");
  });

  it("keeps raw HTML as text, never as markup", () => {
    const parsed = documentFromMarkdown('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(renderDocument(parsed, "html")).not.toMatch(/<img|<script/);
    expect(renderDocument(parsed, "text")).toContain("<img src=x");
  });

  it("makes an empty document of nothing", () => {
    expect(renderDocument(documentFromMarkdown(""), "text")).toBe("");
  });
});

const text = (value: string): JSONContent => ({ type: "text", text: value });
const hardBreak: JSONContent = { type: "hardBreak" };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

/** The document's Markdown is `expected`, and it reads back as the same document. */
function expectMarkdownRoundTrip(document: JSONContent, expected: string) {
  const markdown = renderDocument(document, "markdown");
  expect(markdown).toBe(expected);
  expect(documentFromMarkdown(markdown)).toEqual(document);
}

describe("Markdown of text that looks like Markdown", () => {
  it.each([
    ["1. item", "1\\. item"],
    ["12) item", "12\\) item"],
    ["2025. A year", "2025\\. A year"],
    ["1.", "1\\."],
    ["# Title", "\\# Title"],
    ["## Section", "\\## Section"],
    ["#", "\\#"],
    ["- item", "\\- item"],
    ["-", "\\-"],
    ["* item", "\\* item"],
    ["+ item", "\\+ item"],
    ["   - item", "   \\- item"],
    ["> quote", "&gt; quote"],
    ["---", "\\---"],
    ["- - -", "\\- - -"],
    ["***", "\\*\\*\\*"],
    ["___", "\\_\\_\\_"],
    ["```ts", "\\`\\`\\`ts"],
    ["#hashtag and 1.5", "#hashtag and 1.5"],
  ])("keeps a paragraph %j a paragraph", (line, expected) => {
    expectMarkdownRoundTrip(doc(paragraph(text(line))), expected);
  });

  it.each([
    ["# Title", "\\# Title"],
    ["1. item", "1\\. item"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["===", "\\=\\=="],
    ["---", "\\---"],
    ["--|--", "\\--|--"],
    ["|:-|-:|", "\\|:-|-:|"],
    ["    indented", "    indented"],
  ])("keeps %j after a hard break in the paragraph", (line, expected) => {
    expectMarkdownRoundTrip(doc(paragraph(text("a | b"), hardBreak, text(line))), `a | b  \n${expected}`);
  });

  it("keeps such paragraphs in list items and quotes", () => {
    const list = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("1. item"))] }] };
    const quote = { type: "blockquote", content: [paragraph(text("# Title"))] };
    expectMarkdownRoundTrip(doc(quote, list), "> \\# Title\n\n- 1\\. item");
  });

  it.each([
    ["a *b* c", "a \\*b\\* c"],
    ["a _b_ c", "a \\_b\\_ c"],
    ["a `b` c", "a \\`b\\` c"],
    ["a [b](c) d", "a \\[b\\](c) d"],
    ["a ~~b~~ c", "a \\~\\~b\\~\\~ c"],
    ["a ++b++ c", "a \\++b\\++ c"],
    ["a \\ b", "a \\\\ b"],
  ])("keeps inline syntax %j as text", (line, expected) => {
    expectMarkdownRoundTrip(doc(paragraph(text(line))), expected);
  });

  it("fences code with more backticks than the code starts a line with", () => {
    const code = { type: "codeBlock", attrs: { language: null }, content: [text("a\n```\nb")] };
    expectMarkdownRoundTrip(doc(code), "````\na\n```\nb\n````");
  });

  it("keeps a paragraph indented by four spaces a paragraph, its first space a no-break space", () => {
    const markdown = renderDocument(doc(paragraph(text("    indented"))), "markdown");
    expect(markdown).toBe("\u00a0   indented");
    expect(documentFromMarkdown(markdown)).toEqual(doc(paragraph(text("\u00a0   indented"))));
  });
});

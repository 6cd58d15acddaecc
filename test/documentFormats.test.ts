import { describe, expect, it } from "vitest";
import { documentFromMarkdown, renderDocument } from "../party/shared/documentFormats";
import { EVERY_NODE } from "./fixtures/everyNode";

const MARKDOWN = `# Title

## Section

### Subsection

Plain, **bold**, *italic*, ~~struck~~, \`code\`, ++underlined++ and a [link](https://example.com/).  
After a break.

- First
- Second
  - Nested

3. Three
4. Four

> Quoted.

\`\`\`ts
const answer = 42;
export { answer };
\`\`\`

---

The end.`;

const HTML =
  "<h1>Title</h1><h2>Section</h2><h3>Subsection</h3>" +
  "<p>Plain, <strong>bold</strong>, <em>italic</em>, <s>struck</s>, <code>code</code>, <u>underlined</u> and a " +
  '<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/">link</a>.<br/>After a break.</p>' +
  "<ul><li><p>First</p></li><li><p>Second</p><ul><li><p>Nested</p></li></ul></li></ul>" +
  '<ol start="3"><li><p>Three</p></li><li><p>Four</p></li></ol>' +
  "<blockquote><p>Quoted.</p></blockquote>" +
  '<pre><code class="language-ts">const answer = 42;\nexport { answer };</code></pre><hr/><p>The end.</p>';

const TEXT = `Title

Section

Subsection

Plain, bold, italic, struck, code, underlined and a link.
After a break.

First
Second
Nested

Three
Four

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
    expect(renderDocument(parsed, "html")).toBe(HTML);
  });
});

describe("Markdown coming in", () => {
  it("keeps raw HTML as text, never as markup", () => {
    const parsed = documentFromMarkdown('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(renderDocument(parsed, "html")).not.toMatch(/<img|<script/);
    expect(renderDocument(parsed, "text")).toContain("<img src=x");
  });

  it("makes an empty document of nothing", () => {
    expect(renderDocument(documentFromMarkdown(""), "text")).toBe("");
  });
});

import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import type { Node } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { renderToHTMLString } from "@tiptap/static-renderer";
import { displayTitle, MAX_TITLE_LENGTH } from "./collabSchema";
import { DOCUMENT_EXTENSIONS, documentSchema } from "./documentSchema";
import { removeForbiddenLinks } from "./forbiddenLinks";
import { MAX_TABLE_CELLS } from "./tableCells";

/** The forms a document can be read in. */
export const DOCUMENT_FORMATS = ["markdown", "html", "json", "text"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  markdown: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  text: "text/plain; charset=utf-8",
};

export const FILE_EXTENSIONS: Record<DocumentFormat, string> = {
  markdown: "md",
  html: "html",
  json: "json",
  text: "txt",
};

/** A file name for a document in a format: its title (cut to the editable length), with what file systems refuse made dashes. */
export function fileNameFor(title: string, format: DocumentFormat): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = displayTitle(title.slice(0, MAX_TITLE_LENGTH).replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-"));
  return `${base}.${FILE_EXTENSIONS[format]}`;
}

/**
 * Where text at the start of a line would begin a block instead, up to where an escaping backslash
 * goes. (A `*`, `>`, `<`, `` ` `` or `~` there is escaped or encoded already, as anywhere in text.)
 */
const BLOCK_STARTS = [
  /^ {0,3}(?=#{1,6}(?:[ \t]|$))/, // ATX heading
  /^ {0,3}(?=[-+](?:[ \t]|$))/, // bullet list item
  /^ {0,3}\d+(?=[.)](?:[ \t]|$))/, // ordered list item
  /^ {0,3}(?==+[ \t]*$)/, // setext heading underline
  /^ {0,3}(?=\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$)/, // setext underline, thematic break or table delimiter row of `-`
];

/** A line of a paragraph's Markdown that Markdown reads back as that line of text, not as block syntax. */
function escapeLineStart(line: string, first: boolean): string {
  // Four columns of indentation start a code block, and whitespace has no escape: the first becomes a no-break space.
  if (first && /^(?: {4}| {0,3}\t)/.test(line)) return `\u00a0${line.slice(1)}`;
  const start = BLOCK_STARTS.map((pattern) => pattern.exec(line)?.[0]).find((match) => match !== undefined);
  return start === undefined ? line : `${start}\\${line.slice(start.length)}`;
}

/** @tiptap/markdown's serializer, with the escaping its Markdown needs to read back as the same document. */
class DocumentMarkdown extends MarkdownManager {
  constructor() {
    super({ extensions: DOCUMENT_EXTENSIONS });
    // Text's inline syntax is escaped here (privately: no other hook sees text), but not `++` (the
    // underline) or `==` (the highlight).
    const escapeInline = this["escapeMarkdownSyntax"].bind(this);
    this["escapeMarkdownSyntax"] = (text: string) => escapeInline(text).replace(/([+=])(?=\1)/g, "\\$1");
  }

  override renderNodeToMarkdown(...args: Parameters<MarkdownManager["renderNodeToMarkdown"]>): string {
    const [node, parent] = args;
    const rendered = super.renderNodeToMarkdown(...args);
    // In a table every `|` would end the cell, in code too: GFM reads `\|` there as the character.
    if (node.type === "paragraph" && parent?.type === "table") return rendered.replace(/\|/g, "\\|");
    if (node.type === "paragraph") {
      return rendered
        .split("\n")
        .map((line, index) => escapeLineStart(line, index === 0))
        .join("\n");
    }
    // TipTap's table comes with blank lines of its own around it; the blocks' separators suffice.
    if (node.type === "table") return rendered.replace(/^\n+|\n+$/g, "");
    if (node.type === "codeBlock") {
      // The fence must be longer than any run of backticks that could close it inside the code.
      const code = (node.content ?? []).map((child) => child.text ?? "").join("");
      const longest = Math.max(2, ...[...code.matchAll(/^ {0,3}(`+)/gm)].map((match) => match[1].length));
      const fence = "`".repeat(longest + 1);
      return `${fence}${rendered.slice(3, -3)}${fence}`;
    }
    return rendered;
  }
}

const markdown = new DocumentMarkdown();

function isListPart(node: Node): boolean {
  const { name, spec } = node.type;
  return name === "listItem" || name === "taskItem" || (spec.group ?? "").split(" ").includes("list");
}

/** What separates a node's children in plain text. */
function separatorIn(node: Node): string {
  if (node.type.name === "tableRow") return "\t";
  return node.type.name === "table" || isListPart(node) ? "\n" : "\n\n";
}

/**
 * Plain text: a blank line between blocks, one line per list item and table row, a tab between
 * cells (empty ones too, so columns stay in place), hard breaks as line breaks.
 */
function plainText(node: Node): string {
  if (node.isTextblock) {
    return node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === "hardBreak" ? "\n" : ""));
  }
  const parts: string[] = [];
  node.forEach((child) => {
    const text = plainText(child);
    if (text !== "" || node.type.name === "tableRow") parts.push(text);
  });
  return parts.join(separatorIn(node));
}

/** A document (ProseMirror JSON of the editor's schema) in the given form. */
export function renderDocument(document: JSONContent, format: DocumentFormat): string {
  switch (format) {
    case "markdown":
      // The editor keeps an empty paragraph after a final list or code block; it is not content.
      return markdown.serialize(document).replace(/\n+$/, "");
    case "html":
      return renderToHTMLString({ content: document, extensions: DOCUMENT_EXTENSIONS });
    case "json":
      return JSON.stringify(document);
    case "text":
      return plainText(documentSchema.nodeFromJSON(document));
  }
}

/** A GFM table's delimiter row (`| --- | :-: |`, in a quote or list too): how many columns every row gets. */
const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Refuses Markdown whose tables would be too big to build: a few bytes of header (`|a|a|a…`) over
 * many one-word lines become a cell per column on every line, a thousandfold growth.
 */
function checkTableSizes(text: string): void {
  const lines = text.split("\n");
  lines.forEach((line, at) => {
    if (at === 0 || !line.includes("-") || !DELIMITER_ROW.test(line)) return;
    const columns = line
      .replace(/^[ \t>]*\|?/, "")
      .replace(/\|[ \t]*$/, "")
      .split("|").length;
    const end = lines.findIndex((each, index) => index > at && each.trim() === "");
    const rows = (end < 0 ? lines.length : end) - at;
    if (columns * rows > MAX_TABLE_CELLS) {
      throw new Error(`a table of ${columns} columns and ${rows} rows is over the limit of ${MAX_TABLE_CELLS} cells`);
    }
  });
}

/** Markdown as a document of the editor's schema; anything the schema cannot hold is dropped, raw HTML stays text. */
export function documentFromMarkdown(text: string): JSONContent {
  checkTableSizes(text);
  const parsed = documentSchema.nodeFromJSON(markdown.parse(text));
  // An empty document still has its one empty paragraph, as in the editor.
  const transform = new Transform(documentSchema.topNodeType.createAndFill(null, parsed.content) ?? parsed);
  // Markdown's links are taken as written: one the document may not hold keeps only its text.
  removeForbiddenLinks(transform);
  transform.doc.check();
  return transform.doc.toJSON();
}

import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import type { Node } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer";
import { displayTitle } from "./collabSchema";
import { DOCUMENT_EXTENSIONS, documentSchema } from "./documentSchema";

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

/** A file name for a document in a format: its title, with what file systems refuse made dashes. */
export function fileNameFor(title: string, format: DocumentFormat): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = displayTitle(title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-"));
  return `${base}.${FILE_EXTENSIONS[format]}`;
}

const markdown = new MarkdownManager({ extensions: DOCUMENT_EXTENSIONS });

function isListPart(node: Node): boolean {
  return node.type.name === "listItem" || (node.type.spec.group ?? "").split(" ").includes("list");
}

/** Plain text: a blank line between blocks, one line per list item, hard breaks as line breaks. */
function plainText(node: Node): string {
  if (node.isTextblock) {
    return node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === "hardBreak" ? "\n" : ""));
  }
  const parts: string[] = [];
  node.forEach((child) => {
    const text = plainText(child);
    if (text !== "") parts.push(text);
  });
  return parts.join(isListPart(node) ? "\n" : "\n\n");
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

/** Markdown as a document of the editor's schema; anything the schema cannot hold is dropped, raw HTML stays text. */
export function documentFromMarkdown(text: string): JSONContent {
  const parsed = documentSchema.nodeFromJSON(markdown.parse(text));
  // An empty document still has its one empty paragraph, as in the editor.
  const node = documentSchema.topNodeType.createAndFill(null, parsed.content) ?? parsed;
  node.check();
  return node.toJSON();
}

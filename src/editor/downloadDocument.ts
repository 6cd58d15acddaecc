import type { JSONContent } from "@tiptap/core";
import { escapeHTML } from "@tiptap/static-renderer";
import { displayTitle } from "../../party/shared/collabSchema";
import { CONTENT_TYPES, type DocumentFormat, fileNameFor, renderDocument } from "../../party/shared/documentFormats";

function fileContent(content: JSONContent, title: string, format: DocumentFormat): string {
  const body = renderDocument(content, format);
  if (format !== "html") return body;
  const heading = escapeHTML(displayTitle(title));
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${heading}</title></head><body>${body}</body></html>\n`;
}

/** Saves the document, as the editor has it, to a file named after its title. Works offline. */
export function downloadDocument(content: JSONContent, title: string, format: DocumentFormat): void {
  const blob = new Blob([fileContent(content, title, format)], { type: CONTENT_TYPES[format] });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileNameFor(title, format);
  link.click();
  URL.revokeObjectURL(link.href);
}

import type { JSONContent } from "@tiptap/core";
import { escapeHTML } from "@tiptap/static-renderer";
import { UNTITLED } from "../../party/shared/collabSchema";
import {
  CONTENT_TYPES,
  type DocumentFormat,
  FILE_EXTENSIONS,
  renderDocument,
} from "../../party/shared/documentFormats";

/** A title as a file name: the characters file systems refuse become dashes. */
export function fileNameFor(title: string, format: DocumentFormat): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-").trim() || UNTITLED;
  return `${base}.${FILE_EXTENSIONS[format]}`;
}

function fileContent(content: JSONContent, title: string, format: DocumentFormat): string {
  const body = renderDocument(content, format);
  if (format !== "html") return body;
  const heading = escapeHTML(title.trim() || UNTITLED);
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

import type { JSONContent } from "@tiptap/core";
import { DOMParser } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";
import { documentSchema } from "../shared/documentSchema";

const parser = DOMParser.fromSchema(documentSchema);

/**
 * HTML as a document of the editor's schema, parsed by the editor's own rules. The workers
 * runtime has no DOM, so linkedom stands in; scripts, styles and anything the schema
 * cannot hold are dropped.
 */
export function htmlToDocument(html: string): JSONContent {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return parser.parse(document.body as unknown as Node).toJSON();
}

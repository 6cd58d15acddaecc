import { getSchema } from "@tiptap/core";
import { isAllowedUri } from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";

/** Whether a link target is one the editor would write: a string with a scheme TipTap's link allows. */
export function isAllowedLinkHref(href: unknown): boolean {
  return typeof href === "string" && Boolean(isAllowedUri(href));
}

/**
 * What a document can hold: the editor and the server's converters both build on these,
 * so what is exported or imported is exactly what the editor shows. (Undo/redo is Yjs'
 * own in the editor, so StarterKit's is off.) A link whose href is not a string renders
 * without one instead of throwing, should an old document hold such a link.
 */
export const DOCUMENT_EXTENSIONS = [
  StarterKit.configure({
    undoRedo: false,
    link: { openOnClick: false, isAllowedUri: (href) => href == null || isAllowedLinkHref(href) },
  }),
];

export const documentSchema = getSchema(DOCUMENT_EXTENSIONS);

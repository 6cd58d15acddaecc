import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/**
 * What a document can hold: the editor and the server's converters both build on these,
 * so what is exported or imported is exactly what the editor shows. (Undo/redo is Yjs'
 * own in the editor, so StarterKit's is off.)
 */
export const DOCUMENT_EXTENSIONS = [StarterKit.configure({ undoRedo: false, link: { openOnClick: false } })];

export const documentSchema = getSchema(DOCUMENT_EXTENSIONS);

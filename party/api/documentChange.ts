import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FIELD, TITLE_FIELD } from "../shared/collabSchema";
import { documentSchema } from "../shared/documentSchema";
import { setText } from "../shared/setText";

export type ChangeMode = "replace" | "append";

/** A throwaway copy of a document, for work that must never reach the original. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * The document's body as ProseMirror JSON of the editor's schema. The conversion deletes
 * what the schema cannot represent, so it runs on a copy: such content is left out of what
 * is returned and stays in the document.
 */
export function documentContent(doc: Y.Doc): JSONContent {
  const copy = copyOf(doc);
  const content = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FIELD), documentSchema).toJSON();
  copy.destroy();
  return content;
}

/**
 * The Yjs update that makes `doc`'s body `content` (replace) or adds `content` after it
 * (append), and sets the title if one is given. It is worked out on a copy, the way the
 * editor would make it: replacing changes only what differs, appending only adds.
 */
export function documentChange(doc: Y.Doc, content: JSONContent, mode: ChangeMode, title?: string): Uint8Array {
  const draft = copyOf(doc);
  const before = Y.encodeStateVector(draft);
  const body = draft.getXmlFragment(DOCUMENT_FIELD);
  draft.transact(() => {
    if (mode === "replace") {
      updateYFragment(draft, body, documentSchema.nodeFromJSON(content), { mapping: new Map(), isOMark: new Map() });
    } else {
      // Built apart, then copied in: the existing content is neither read nor rewritten.
      const added = prosemirrorJSONToYXmlFragment(documentSchema, content, new Y.Doc().getXmlFragment(DOCUMENT_FIELD));
      body.insert(
        body.length,
        added.toArray().map((node) => (node as Y.XmlElement).clone()),
      );
    }
    if (title !== undefined) setText(draft.getText(TITLE_FIELD), title);
  });
  const update = Y.encodeStateAsUpdate(draft, before);
  draft.destroy();
  return update;
}

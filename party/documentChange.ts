import type { JSONContent } from "@tiptap/core";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FIELD, TITLE_FIELD } from "./shared/collabSchema";
import { documentSchema } from "./shared/documentSchema";
import { setText } from "./shared/setText";

export type ChangeMode = "replace" | "append";

/** The document's body as ProseMirror JSON of the editor's schema. */
export function documentContent(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema).toJSON();
}

/**
 * The Yjs update that makes `doc`'s body `content` (replace) or adds `content` after it
 * (append), and sets the title if one is given. It is worked out on a copy, the way the
 * editor would make it: only what differs changes. `doc` itself is left as it was.
 */
export function documentChange(doc: Y.Doc, content: JSONContent, mode: ChangeMode, title?: string): Uint8Array {
  const draft = new Y.Doc({ gc: false });
  Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(draft);
  const body = draft.getXmlFragment(DOCUMENT_FIELD);
  const incoming = documentSchema.nodeFromJSON(content);
  const next =
    mode === "append"
      ? documentSchema.topNodeType.create(
          null,
          yXmlFragmentToProseMirrorRootNode(body, documentSchema).content.append(incoming.content),
        )
      : incoming;
  draft.transact(() => {
    updateYFragment(draft, body, next, { mapping: new Map(), isOMark: new Map() });
    if (title !== undefined) setText(draft.getText(TITLE_FIELD), title);
  });
  const update = Y.encodeStateAsUpdate(draft, before);
  draft.destroy();
  return update;
}

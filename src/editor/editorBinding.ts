import type { EditorState } from "@tiptap/pm/state";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";

/** The binding's map from Yjs types to the ProseMirror nodes that show them. */
export type BindingMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

export interface EditorBinding {
  doc: Y.Doc;
  /** The body: the Yjs fragment the editor shows. */
  type: Y.XmlFragment;
  mapping: BindingMapping;
}

/**
 * The Yjs side of the editor's binding, once it has rendered the document. Its mapping
 * matches the editor's document between transactions, and in one that came from Yjs.
 */
export function bindingOf(state: EditorState): EditorBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc | null; type: Y.XmlFragment; binding: { mapping: BindingMapping } | null } | undefined;
  if (!sync?.doc || !sync.binding || sync.binding.mapping.size === 0) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/** Where a Yjs relative position is in the editor now; null if its text is gone or not shown yet. */
export function positionIn(state: EditorState, position: Y.RelativePosition): number | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const at = relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
  return at === null ? null : Math.min(at, state.doc.content.size);
}

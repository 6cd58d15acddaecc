import type { Editor } from "@tiptap/react";
import type { EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import { anchorOf, anchorRange } from "../../party/shared/commentAnchor";
import type { CommentAnchor } from "../../party/shared/comments";
import { bindingOf } from "../editor/editorBinding";

/** Where an anchor's passage is in the editor now, or null once its text is deleted. */
export function passageIn(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  const sync = bindingOf(state);
  return sync && anchorRange(sync.doc, sync.type, anchor, sync.mapping);
}

/**
 * Whether an anchor's text is gone for everyone but is back on this page: an undo brings
 * deleted text back as new Yjs items, which only this page's Yjs knows stand for the old ones.
 */
export function isBackOnlyHere(state: EditorState, anchor: CommentAnchor): boolean {
  const sync = bindingOf(state);
  if (!sync || !passageIn(state, anchor)) return false;
  const place = (position: CommentAnchor["start"]) =>
    Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), sync.doc, false);
  const start = place(anchor.start);
  const end = place(anchor.end);
  return start !== null && end !== null && start.type === end.type && start.index === end.index;
}

/** The anchor of the passage from `from` to `to` in the editor, for a new thread. */
export function anchorIn(state: EditorState, from: number, to: number): CommentAnchor | null {
  const sync = bindingOf(state);
  return sync && anchorOf(from, to, sync.type, sync.mapping);
}

/**
 * The passage selected in the editor: its own selection, or, on a page that cannot edit (a
 * commenter's), what the browser has selected inside it. Null when nothing is selected.
 */
export function selectedPassage(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (to > from) return { from, to };
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const dom = editor.view.dom;
  if (!dom.contains(range.startContainer) || !dom.contains(range.endContainer)) return null;
  try {
    const start = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const end = editor.view.posAtDOM(range.endContainer, range.endOffset);
    return end > start ? { from: start, to: end } : null;
  } catch {
    return null;
  }
}

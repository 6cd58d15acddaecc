import type { Editor } from "@tiptap/react";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { useEffect } from "react";
import type * as Y from "yjs";
import { COMMENTS_FIELD, type CommentThread } from "../../party/shared/comments";
import type { DocumentSession } from "../collab/documentSession";
import { changeComments } from "./commentRequests";
import { anchorIn, isBackOnlyHere, passageIn } from "./editorAnchors";

/**
 * After this page undoes a deletion, threads whose text it brought back point at it again for
 * everyone: the text comes back as new Yjs items, so the page sends their new anchors.
 */
export function useReanchorAfterUndo(editor: Editor, session: DocumentSession, canEdit: boolean): void {
  useEffect(() => {
    if (!canEdit || editor.isDestroyed) return;
    const undoManager = (yUndoPluginKey.getState(editor.state) as { undoManager?: Y.UndoManager } | undefined)
      ?.undoManager;
    if (!undoManager) return;
    const reanchor = () => {
      // After the binding has rendered the undone change.
      queueMicrotask(() => {
        for (const thread of session.doc.getMap<CommentThread>(COMMENTS_FIELD).values()) {
          if (!isBackOnlyHere(editor.state, thread.anchor)) continue;
          const range = passageIn(editor.state, thread.anchor);
          const anchor = range && anchorIn(editor.state, range.from, range.to);
          if (anchor) void changeComments(session, { type: "reanchor", thread: thread.id, anchor }).catch(() => {});
        }
      });
    };
    undoManager.on("stack-item-popped", reanchor);
    return () => undoManager.off("stack-item-popped", reanchor);
  }, [editor, session, canEdit]);
}

import type { Editor } from "@tiptap/react";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { useEffect } from "react";
import type * as Y from "yjs";
import { type CommentAnchor, COMMENTS_FIELD, type CommentThread } from "../../party/shared/comments";
import type { DocumentSession } from "../collab/documentSession";
import { changeComments } from "./commentRequests";
import { anchorIn, isBackOnlyHere, passageIn } from "./editorAnchors";

const TRIES = 4;
const RETRY_MS = 500;

/**
 * Sends a thread's new anchor. The request can reach the server before the undo it follows
 * (that goes by the WebSocket), and is refused then: it is tried again a few times.
 */
async function reanchor(session: DocumentSession, thread: string, anchor: CommentAnchor): Promise<void> {
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    try {
      await changeComments(session, { type: "reanchor", thread, anchor });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
    }
  }
}

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
    const reanchorAll = () => {
      // After the binding has rendered the undone change.
      queueMicrotask(() => {
        for (const thread of session.doc.getMap<CommentThread>(COMMENTS_FIELD).values()) {
          if (!isBackOnlyHere(editor.state, thread.anchor)) continue;
          const range = passageIn(editor.state, thread.anchor);
          const anchor = range && anchorIn(editor.state, range.from, range.to);
          if (anchor) void reanchor(session, thread.id, anchor);
        }
      });
    };
    undoManager.on("stack-item-popped", reanchorAll);
    return () => undoManager.off("stack-item-popped", reanchorAll);
  }, [editor, session, canEdit]);
}

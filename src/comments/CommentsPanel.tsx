import type { EditorState } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import type { CommentAnchor, CommentOperation, CommentThread } from "../../party/shared/comments";
import type { DocumentSession } from "../collab/documentSession";
import { keepFocus } from "../editor/keepFocus";
import { changeComments } from "./commentRequests";
import { CommentBox, CommentThreadCard } from "./CommentThreadCard";
import { useCommentHighlights } from "./commentHighlights";
import { anchorIn, passageIn, selectedPassage } from "./editorAnchors";
import { useOwnerHash } from "./ownerHash";
import { useReanchorAfterUndo } from "./useReanchorAfterUndo";

interface CommentsPanelProps {
  session: DocumentSession;
  editor: Editor;
  threads: readonly CommentThread[];
  canComment: boolean;
  canEdit: boolean;
}

/** The threads in the order of the text (those whose text is gone last), and which still have their text. */
function threadLayout(state: EditorState, threads: readonly CommentThread[]): { id: string; anchored: boolean }[] {
  const placed = threads.map((thread) => ({ thread, from: passageIn(state, thread.anchor)?.from ?? null }));
  const order = (from: number | null) => from ?? Number.POSITIVE_INFINITY;
  placed.sort(
    (first, second) =>
      order(first.from) - order(second.from) || first.thread.comments[0]!.time - second.thread.comments[0]!.time,
  );
  return placed.map(({ thread, from }) => ({ id: thread.id, anchored: from !== null }));
}

function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM";
}

/**
 * The document's comment threads beside it, in the order of the text, with their passages
 * highlighted in it: start one on the selected text (the button or Ctrl+Alt+M), reply, edit or
 * delete your own, resolve and reopen. Resolved threads are listed under a toggle.
 */
export function CommentsPanel({ session, editor, threads, canComment, canEdit }: CommentsPanelProps) {
  const [active, setActive] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ownerHash = useOwnerHash();
  // Positions move with every change to the text.
  // Only the threads' order and which still have their text: a keystroke re-renders nothing
  // unless it changes one of those.
  const layout = useEditorState({ editor, selector: ({ editor: current }) => threadLayout(current.state, threads) });
  useCommentHighlights(editor, threads, active, setActive);
  useReanchorAfterUndo(editor, session, canEdit);

  const act = useCallback(
    async (operation: CommentOperation) => {
      setError(null);
      try {
        await changeComments(session, operation);
        return true;
      } catch (failure) {
        setError((failure as Error).message);
        return false;
      }
    },
    [session],
  );

  const startComment = useCallback(() => {
    const passage = selectedPassage(editor);
    const anchor = passage && anchorIn(editor.state, passage.from, passage.to);
    if (!anchor) return setError("Select the text you want to comment on first");
    setError(null);
    setDraft(anchor);
  }, [editor]);

  useEffect(() => {
    if (!canComment) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      startComment();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canComment, startComment]);

  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  const placed = layout.flatMap(({ id, anchored }) => {
    const thread = byId.get(id);
    return thread ? [{ thread, anchored }] : [];
  });
  const open = placed.filter(({ thread }) => !thread.resolved);
  const resolved = placed.filter(({ thread }) => thread.resolved);

  const select = (thread: CommentThread) => {
    setActive(thread.id);
    const range = passageIn(editor.state, thread.anchor);
    if (!range) return;
    editor.chain().setTextSelection(range).scrollIntoView().run();
    editor.view.dom.querySelector(`[data-thread-id="${thread.id}"]`)?.scrollIntoView({ block: "center" });
  };

  const card = ({ thread, anchored }: (typeof placed)[number]) => (
    <CommentThreadCard
      key={thread.id}
      thread={thread}
      anchored={anchored}
      active={thread.id === active}
      canComment={canComment}
      ownerHash={ownerHash}
      onSelect={() => select(thread)}
      act={act}
    />
  );

  return (
    <aside className="comments-panel" data-testid="comments" aria-label="Comments">
      <div className="comments-header">
        <h2>Comments</h2>
        {canComment && (
          <button
            type="button"
            data-testid="add-comment"
            title="Comment on the selected text (Ctrl+Alt+M)"
            onMouseDown={keepFocus}
            onClick={startComment}
          >
            Comment
          </button>
        )}
      </div>
      {error && (
        <p className="comments-error" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <CommentBox
          label="Write a comment"
          testId="comment-composer"
          onCancel={() => setDraft(null)}
          onPost={async (text) => {
            const done = await act({ type: "create", anchor: draft, text });
            if (done) setDraft(null);
            return done;
          }}
        />
      )}
      {open.length === 0 && !draft && <p className="comments-empty">No open comments.</p>}
      {open.map(card)}
      {resolved.length > 0 && (
        <>
          <button
            type="button"
            className="comments-resolved-toggle"
            data-testid="show-resolved"
            aria-expanded={showResolved}
            onClick={() => setShowResolved(!showResolved)}
          >
            Resolved ({resolved.length})
          </button>
          {showResolved && resolved.map(card)}
        </>
      )}
    </aside>
  );
}

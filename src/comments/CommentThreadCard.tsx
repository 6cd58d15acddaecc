import { useState } from "react";
import {
  type Comment,
  type CommentOperation,
  type CommentThread,
  MAX_COMMENT_LENGTH,
} from "../../party/shared/comments";
import { CommentText } from "./CommentText";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

interface ThreadProps {
  thread: CommentThread;
  /** Whether its passage is still in the document. */
  anchored: boolean;
  active: boolean;
  canComment: boolean;
  ownerHash: string | null;
  onSelect: () => void;
  act: (operation: CommentOperation) => Promise<boolean>;
}

/** A box to write a comment in, with its post button. */
export function CommentBox({
  label,
  testId,
  initial = "",
  onPost,
  onCancel,
}: {
  label: string;
  testId: string;
  initial?: string;
  onPost: (text: string) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const post = async () => {
    setBusy(true);
    if (await onPost(text)) setText("");
    setBusy(false);
  };
  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault();
        void post();
      }}
    >
      <textarea
        data-testid={testId}
        aria-label={label}
        placeholder={label}
        value={text}
        maxLength={MAX_COMMENT_LENGTH}
        rows={2}
        autoFocus={initial !== ""}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void post();
          if (event.key === "Escape") onCancel?.();
        }}
      />
      <div className="comment-box-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" data-testid={`${testId}-post`} disabled={busy || text.trim() === ""}>
          {initial ? "Save" : "Post"}
        </button>
      </div>
    </form>
  );
}

function CommentEntry({
  thread,
  comment,
  own,
  act,
}: {
  thread: CommentThread;
  comment: Comment;
  own: boolean;
  act: ThreadProps["act"];
}) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="comment" data-testid="comment">
      <div className="comment-meta">
        <span
          className="comment-author-dot"
          style={{ backgroundColor: comment.author.color ?? "#6b7280" }}
          aria-hidden="true"
        />
        <span className="comment-author" data-testid="comment-author">
          {comment.author.name}
        </span>
        <time dateTime={new Date(comment.time).toISOString()}>{when.format(comment.time)}</time>
        {comment.edited !== null && <span className="comment-edited">(edited)</span>}
      </div>
      {editing ? (
        <CommentBox
          label="Edit comment"
          testId="comment-edit"
          initial={comment.text}
          onCancel={() => setEditing(false)}
          onPost={async (text) => {
            const done = await act({ type: "edit", thread: thread.id, comment: comment.id, text });
            if (done) setEditing(false);
            return done;
          }}
        />
      ) : (
        <CommentText text={comment.text} />
      )}
      {own && !editing && (
        <div className="comment-actions">
          <button type="button" data-testid="edit-comment" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            data-testid="delete-comment"
            onClick={() => void act({ type: "delete", thread: thread.id, comment: comment.id })}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** One thread in the sidebar: its passage, its comments, a reply box, resolve or reopen. */
export function CommentThreadCard({ thread, anchored, active, canComment, ownerHash, onSelect, act }: ThreadProps) {
  return (
    <article
      className={`comment-thread${active ? " comment-thread--active" : ""}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved ? "true" : "false"}
      data-anchored={anchored ? "true" : "false"}
    >
      <button type="button" className="comment-quote" onClick={onSelect} title="Show the passage">
        {!anchored && (
          <span className="comment-deleted" data-testid="comment-text-deleted">
            Text deleted:{" "}
          </span>
        )}
        <q>{thread.quote}</q>
      </button>
      <ol className="comments">
        {thread.comments.map((comment) => (
          <CommentEntry
            key={comment.id}
            thread={thread}
            comment={comment}
            own={canComment && ownerHash !== null && comment.owner === ownerHash}
            act={act}
          />
        ))}
      </ol>
      {thread.resolved && <p className="comment-resolved">Resolved by {thread.resolved.by.name}</p>}
      {canComment && (
        <div className="comment-thread-actions">
          {!thread.resolved && (
            <CommentBox
              label="Reply"
              testId="comment-reply"
              onPost={(text) => act({ type: "reply", thread: thread.id, text })}
            />
          )}
          <button
            type="button"
            data-testid="resolve-comment"
            onClick={() => void act({ type: thread.resolved ? "reopen" : "resolve", thread: thread.id })}
          >
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
        </div>
      )}
    </article>
  );
}

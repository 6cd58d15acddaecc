import type { Editor } from "@tiptap/react";
import { ChangesSinceBar } from "./ChangesSinceBar";
import type { Review } from "./useReview";

/** Above the document: what changed since the reader last looked, and the "Show authors" toggle. */
export function ReviewBar({ review, editor }: { review: Review; editor: Editor }) {
  const { changes, markSeen, showAuthors, setShowAuthors } = review;
  if (!changes && showAuthors === null) return null;
  return (
    <div className="review-bar">
      {changes && <ChangesSinceBar summary={changes} editor={editor} onMarkSeen={markSeen} />}
      {showAuthors !== null && (
        <button
          type="button"
          className="text-button review-bar-authors"
          data-testid="show-authors"
          aria-pressed={showAuthors}
          onClick={() => setShowAuthors(!showAuthors)}
        >
          {showAuthors ? "Hide authors" : "Show authors"}
        </button>
      )}
    </div>
  );
}

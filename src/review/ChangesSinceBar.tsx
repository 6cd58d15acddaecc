import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { ChangesSummary } from "./useChangesSince";
import { sinceWords } from "./sinceWords";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function names(summary: ChangesSummary): string {
  return summary.people.map(({ name }) => name).join(", ");
}

/** Brings passage `index` into view, leaving the reader's caret where it is. */
function showPassage(editor: Editor, index: number): void {
  editor.view.dom.querySelector(`[data-passage="${index}"]`)?.scrollIntoView({ block: "center" });
}

/** "2 people changed 14 passages since yesterday 17:05", with a way through them, and to put them away. */
export function ChangesSinceBar({
  summary,
  editor,
  onMarkSeen,
}: {
  summary: ChangesSummary;
  editor: Editor;
  onMarkSeen: () => void;
}) {
  const [shown, setShown] = useState<number | null>(null);
  const step = (by: number) => {
    const next = ((shown ?? (by > 0 ? -1 : 0)) + by + summary.passages) % summary.passages;
    setShown(next);
    showPassage(editor, next);
  };
  const who = summary.people.length > 0 ? plural(summary.people.length, "person", "people") : "Someone";
  return (
    <div className="changes-since" data-testid="changes-since" role="status">
      <p className="changes-since-text">
        <strong>{who}</strong> changed {plural(summary.passages, "passage", "passages")} since{" "}
        {sinceWords(summary.since)}
        {summary.people.length > 0 && <span className="changes-since-names">: {names(summary)}</span>}
      </p>
      <span className="changes-since-position" data-testid="changes-position">
        {shown === null ? null : `${Math.min(shown, summary.passages - 1) + 1} of ${summary.passages}`}
      </span>
      <button type="button" className="text-button" data-testid="changes-previous" onClick={() => step(-1)}>
        ↑ Previous
      </button>
      <button type="button" className="text-button" data-testid="changes-next" onClick={() => step(1)}>
        ↓ Next
      </button>
      <button type="button" className="text-button" data-testid="mark-seen" onClick={onMarkSeen}>
        Mark as seen
      </button>
    </div>
  );
}

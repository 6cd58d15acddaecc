import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";

// Why this exists: a key like End moves the browser's selection at once, but ProseMirror reads
// it only at the `selectionchange` event after. Anything that re-rendered the editor in between
// (a collaborator's change, or their caret moving: the caret extension redraws a task later)
// wrote the selection from before the key back to the page, so the key was lost and the next
// character landed at the old place.

/** ProseMirror's reader of the DOM (internal to prosemirror-view, so typed here by the part used). */
interface DomObserver {
  /** Reads what the browser changed that the editor has not yet seen, the selection among it. */
  flush(): void;
  /** DOM mutations not yet read. */
  pendingRecords(): readonly unknown[];
}

/**
 * Has the editor read the browser's selection now, if it moved unseen while you were in the
 * editor. Text typed but not yet read is left alone (read mid-change it would clash with the
 * change), and so is a composition; and so is the moment the editor takes focus, when
 * ProseMirror puts its own selection back on purpose.
 */
function readPendingSelection(view: EditorView): void {
  const internals = view as unknown as { domObserver: DomObserver; focused: boolean };
  const observer = internals.domObserver;
  if (view.isDestroyed || view.composing || !internals.focused || !view.hasFocus()) return;
  if (observer.pendingRecords().length > 0) return;
  observer.flush();
}

/**
 * Before a Yjs transaction changes the document, so the binding keeps the selection just read.
 * Reading dispatches a selection, which the binding writes to Yjs inside this transaction,
 * marking it for the undo manager as its own: the mark is put back as it was.
 */
function readBeforeDocumentChange(view: EditorView, doc: Y.Doc): void {
  const transaction = (doc as unknown as { _transaction: Y.Transaction | null })._transaction;
  const hadMark = transaction?.meta.has("addToHistory");
  const mark: unknown = transaction?.meta.get("addToHistory");
  readPendingSelection(view);
  if (hadMark) transaction?.meta.set("addToHistory", mark);
  else transaction?.meta.delete("addToHistory");
}

/** Runs `read`, logging rather than throwing: its callers are mid-transaction. */
function safely(read: () => void): void {
  try {
    read();
  } catch (error) {
    console.error("Could not read the selection before the editor re-rendered", error);
  }
}

interface KeepOwnSelectionOptions {
  document: Y.Doc | null;
}

/**
 * Your caret is yours: before anything else re-renders the editor, and before a key is
 * handled, the editor reads the browser's selection. A change from elsewhere is caught as its
 * Yjs transaction starts (this listens ahead of the collaboration extension: higher priority,
 * so its plugin's view starts, and subscribes, first); a redraw that neither changes the
 * document nor sets the selection (remote carets, highlights) as it is dispatched, and then
 * carries the selection just read.
 */
export const KeepOwnSelection = Extension.create<KeepOwnSelectionOptions>({
  name: "keepOwnSelection",
  priority: 10_000,
  addOptions: () => ({ document: null }),
  dispatchTransaction({ transaction, next }) {
    const { view } = this.editor;
    if (!transaction.docChanged && !transaction.selectionSet) {
      const before = view.state;
      safely(() => readPendingSelection(view));
      const after = view.state;
      if (after !== before && after.doc === transaction.doc) {
        // Setting the selection drops stored marks; keep any this transaction set (Bold with no text yet).
        const marks = transaction.storedMarksSet ? transaction.storedMarks : undefined;
        transaction.setSelection(after.selection);
        if (marks !== undefined) transaction.setStoredMarks(marks);
      }
    }
    next(transaction);
  },
  addProseMirrorPlugins() {
    const { document } = this.options;
    return [
      new Plugin({
        props: {
          // A shortcut right after a key that moved the selection (Shift+Home, then Ctrl+B) acts
          // on the selection as it now is: this plugin's keys come before every other's.
          handleKeyDown: (view) => {
            safely(() => readPendingSelection(view));
            return false;
          },
        },
        view: (view) => {
          if (!document) return {};
          const beforeChange = () => safely(() => readBeforeDocumentChange(view, document));
          document.on("beforeAllTransactions", beforeChange);
          return { destroy: () => document.off("beforeAllTransactions", beforeChange) };
        },
      }),
    ];
  },
});

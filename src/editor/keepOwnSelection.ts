import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";

// Why this exists: a key like End moves the browser's selection at once, but ProseMirror reads
// it only at the `selectionchange` event after. A collaborator's change arriving in between
// re-rendered the editor with the selection from before the key and wrote it back to
// the page, so the key was lost and the next character landed at the old place.

/** ProseMirror's reader of the DOM (internal to prosemirror-view, so typed here by the part used). */
interface DomObserver {
  /** Reads what the browser changed that the editor has not yet seen, the selection among it. */
  flush(): void;
  /** DOM mutations not yet read. */
  pendingRecords(): readonly unknown[];
}

/**
 * Has the editor read the browser's selection now, in the Yjs transaction about to change the
 * document, before the binding takes the selection to put back after it. Text typed but not yet
 * read is left alone: read here it would join that transaction and never be sent; so is a
 * composition. Reading dispatches a selection, which the binding writes to Yjs inside this
 * transaction, marking it for the undo manager as its own: the mark is put back as it was.
 */
function readPendingSelection(view: EditorView, doc: Y.Doc): void {
  const observer = (view as unknown as { domObserver: DomObserver }).domObserver;
  if (view.composing || !view.hasFocus() || observer.pendingRecords().length > 0) return;
  const transaction = (doc as unknown as { _transaction: Y.Transaction | null })._transaction;
  const hadMark = transaction?.meta.has("addToHistory");
  const mark: unknown = transaction?.meta.get("addToHistory");
  observer.flush();
  if (hadMark) transaction?.meta.set("addToHistory", mark);
  else transaction?.meta.delete("addToHistory");
}

interface KeepOwnSelectionOptions {
  document: Y.Doc | null;
}

/**
 * Your caret is yours: before a change from elsewhere reaches the editor, the editor reads
 * the browser's selection. It listens ahead of the collaboration extension
 * (higher priority: its plugin's view starts, and subscribes, first).
 */
export const KeepOwnSelection = Extension.create<KeepOwnSelectionOptions>({
  name: "keepOwnSelection",
  priority: 10_000,
  addOptions: () => ({ document: null }),
  addProseMirrorPlugins() {
    const { document } = this.options;
    return [
      new Plugin({
        view: (view) => {
          if (!document) return {};
          const beforeChange = () => {
            // Thrown before Yjs' transaction starts its cleanup, an error would leave the document stuck in it.
            try {
              if (!view.isDestroyed) readPendingSelection(view, document);
            } catch (error) {
              console.error("Could not read the selection before a collaborator's change", error);
            }
          };
          document.on("beforeAllTransactions", beforeChange);
          return { destroy: () => document.off("beforeAllTransactions", beforeChange) };
        },
      }),
    ];
  },
});

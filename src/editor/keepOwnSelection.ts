import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";

/** ProseMirror's reader of the DOM (internal to prosemirror-view, so typed here by the part used). */
interface DomObserver {
  /** Reads what the browser changed that the editor has not yet seen, the selection among it. */
  flush(): void;
  /** DOM mutations not yet read. */
  pendingRecords(): readonly unknown[];
}

/**
 * Brings the editor's selection up to the browser's. A key like End moves the browser's
 * selection at once, but ProseMirror reads it only at the `selectionchange` event after; a
 * collaborator's change arriving in between re-renders with the old selection and
 * writes it back (y-tiptap keeps the selection it took before the change, ProseMirror writes
 * it to the page), so the key is lost and the next one lands at the old place. Text typed but
 * not yet read is left alone: read here it would join the collaborator's Yjs transaction and
 * never be sent; a composition is left to finish.
 */
function readPendingSelection(view: EditorView): void {
  const observer = (view as unknown as { domObserver: DomObserver }).domObserver;
  if (view.composing || !view.hasFocus() || observer.pendingRecords().length > 0) return;
  observer.flush();
}

interface KeepOwnSelectionOptions {
  document: Y.Doc | null;
}

/**
 * Your caret is yours: before a change from someone else (or from the app, not the editor)
 * reaches the editor, the editor reads where the browser's selection is now. It listens ahead
 * of the collaboration extension (higher priority, so its plugin's view starts, and
 * subscribes, first).
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
          const beforeChange = () => readPendingSelection(view);
          document?.on("beforeAllTransactions", beforeChange);
          return {
            destroy: () => document?.off("beforeAllTransactions", beforeChange),
          };
        },
      }),
    ];
  },
});

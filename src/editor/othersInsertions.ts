import type { Editor } from "@tiptap/react";
import type * as Y from "yjs";
import { bindingOf, type EditorBinding } from "./editorBinding";
import { type InsertedRange, insertedRanges } from "./insertedRanges";

/**
 * Calls `onInserted` with the text each of others' live transactions added, where it shows in
 * the editor (not what arrives while catching up, `isLive` false); returns how to stop.
 */
export function onOthersInsertions(
  editor: Editor,
  doc: Y.Doc,
  isLive: () => boolean,
  onInserted: (ranges: InsertedRange[], binding: EditorBinding) => void,
): () => void {
  const listener = (transaction: Y.Transaction) => {
    if (transaction.local || editor.isDestroyed || !isLive()) return;
    const binding = bindingOf(editor.state);
    const size = editor.state.doc.content.size;
    const ranges = binding ? insertedRanges(transaction, binding).filter(({ to }) => to <= size) : [];
    if (binding && ranges.length > 0) onInserted(ranges, binding);
  };
  doc.on("afterTransaction", listener);
  return () => doc.off("afterTransaction", listener);
}

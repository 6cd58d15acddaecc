import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import { DecorationLayer } from "../editor/decorationLayer";
import { onOthersInsertions } from "../editor/othersInsertions";
import { authorAttributes } from "./authorDecorations";

/** How long others' fresh text stays lit. */
const FLASH_MS = 1500;

export const FRESH_EDITS_LAYER = new DecorationLayer("freshEdits");

/** Lights up text others just wrote, in their colour, for a moment; not what comes while catching up (`isLive` false). */
export function useFreshEditFlash(
  editor: Editor,
  doc: Y.Doc,
  authorOf: (client: number) => Author,
  isLive: () => boolean,
): void {
  useEffect(() => {
    if (editor.isDestroyed) return;
    const layer = FRESH_EDITS_LAYER;
    /** What is lit now, less what has been lit long enough. */
    const unexpired = () => {
      const shown = layer.current(editor.view);
      return shown.remove(shown.find(undefined, undefined, (spec) => (spec as { until: number }).until <= Date.now()));
    };
    // Each showing is a transaction, and the editor's whole update: what has run its time goes
    // out with the next insertion, and whatever is left once the insertions stop.
    let clearTimer: ReturnType<typeof setTimeout> | undefined;
    const clearAll = () => {
      clearTimer = undefined;
      if (!editor.isDestroyed && layer.current(editor.view) !== DecorationSet.empty) {
        layer.show(editor.view, DecorationSet.empty);
      }
    };
    const stopListening = onOthersInsertions(editor, doc, isLive, (ranges) => {
      const until = Date.now() + FLASH_MS;
      const decorations = ranges.map(({ client, from, to }) =>
        Decoration.inline(from, to, authorAttributes(authorOf(client), "fresh-edit"), { until }),
      );
      layer.show(editor.view, unexpired().add(editor.state.doc, decorations));
      clearTimeout(clearTimer);
      clearTimer = setTimeout(clearAll, FLASH_MS);
    });
    return () => {
      stopListening();
      clearTimeout(clearTimer);
      clearAll();
    };
  }, [editor, doc, authorOf, isLive]);
}

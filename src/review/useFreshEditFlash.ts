import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import { DecorationLayer } from "../editor/decorationLayer";
import { onOthersInsertions } from "../editor/othersInsertions";
import { authorAttributes } from "./authorDecorations";

/** How long others' fresh text stays lit. */
export const FLASH_MS = 1500;

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
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const stopListening = onOthersInsertions(editor, doc, isLive, (ranges) => {
      const until = Date.now() + FLASH_MS;
      const decorations = ranges.map(({ client, from, to }) =>
        Decoration.inline(from, to, authorAttributes(authorOf(client), "fresh-edit"), { until }),
      );
      layer.show(editor.view, layer.current(editor.view).add(editor.state.doc, decorations));
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (editor.isDestroyed) return;
        const shown = layer.current(editor.view);
        const over = shown.find(undefined, undefined, (spec) => (spec as { until: number }).until <= Date.now());
        const left = shown.remove(over);
        layer.show(editor.view, left.find().length === 0 ? DecorationSet.empty : left);
      }, FLASH_MS);
      timers.add(timer);
    });
    return () => {
      stopListening();
      for (const timer of timers) clearTimeout(timer);
      if (!editor.isDestroyed && layer.current(editor.view) !== DecorationSet.empty) {
        layer.show(editor.view, DecorationSet.empty);
      }
    };
  }, [editor, doc, authorOf, isLive]);
}

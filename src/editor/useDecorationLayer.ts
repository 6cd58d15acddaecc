import type { EditorState } from "@tiptap/pm/state";
import { type Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import type { DecorationLayer } from "./decorationLayer";
import { bindingOf, type EditorBinding } from "./editorBinding";

/** A stretch of the document, in ProseMirror positions. */
export interface Stretch {
  from: number;
  to: number;
}

/**
 * Works out a layer's decorations from the editor and its binding; null while it shows nothing.
 * `near` is the stretch around what the reader sees, for a layer shown only there.
 */
export type DecorationsOf = (state: EditorState, binding: EditorBinding, near: Stretch) => Decoration[] | null;

/** What the reader sees of the document, and a screenful either side of it. */
function nearView(view: EditorView): Stretch {
  const size = view.state.doc.content.size;
  const box = view.dom.getBoundingClientRect();
  const top = Math.max(box.top, 0) + 1;
  const bottom = Math.min(box.bottom, window.innerHeight) - 1;
  if (bottom <= top) return { from: 0, to: 0 };
  const from = view.posAtCoords({ left: box.left + 1, top })?.pos ?? 0;
  const to = view.posAtCoords({ left: box.right - 1, top: bottom })?.pos ?? size;
  const screenful = Math.max(to - from, 1000);
  return { from: Math.max(0, from - screenful), to: Math.min(size, to + screenful) };
}

/**
 * Shows `decorationsOf` in `layer` (one of the editor's plugins from its creation), worked out
 * again after each change to `doc`: at most once a frame, and between transactions, when the
 * binding's mapping matches the editor. With `onlyNearView`, only near what the reader sees,
 * worked out again as they scroll: redrawing a whole long document's text takes far longer
 * than a frame.
 */
export function useDecorationLayer(
  editor: Editor,
  doc: Y.Doc,
  layer: DecorationLayer,
  decorationsOf: DecorationsOf | null,
  onlyNearView = false,
): void {
  useEffect(() => {
    if (editor.isDestroyed) return;
    let frame: number | null = null;
    let drawn: Stretch | null = null;
    const render = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const binding = bindingOf(editor.state);
      const size = editor.state.doc.content.size;
      drawn = onlyNearView ? nearView(editor.view) : { from: 0, to: size };
      const decorations = decorationsOf && binding ? decorationsOf(editor.state, binding, drawn) : null;
      if (!decorations && layer.current(editor.view) === DecorationSet.empty) return;
      layer.show(editor.view, decorations ? DecorationSet.create(editor.state.doc, decorations) : DecorationSet.empty);
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(render);
    };
    // The binding writes every editor transaction to Yjs, changed or not: only changes count.
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) schedule();
    };
    const onScroll = () => {
      if (editor.isDestroyed || !drawn) return;
      const seen = nearView(editor.view);
      const screenful = (seen.to - seen.from) / 3;
      if (seen.from + screenful < drawn.from || seen.to - screenful > drawn.to) schedule();
    };
    render();
    if (!decorationsOf) return;
    doc.on("afterTransaction", onTransaction);
    if (onlyNearView) window.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      doc.off("afterTransaction", onTransaction);
      window.removeEventListener("scroll", onScroll, { capture: true });
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor, doc, layer, decorationsOf, onlyNearView]);
}

import type { EditorState } from "@tiptap/pm/state";
import { type Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { DecorationLayer } from "./decorationLayer";
import { bindingOf, type EditorBinding } from "./editorBinding";

/** Works out a layer's decorations from the editor and its binding; null while it shows nothing. */
export type DecorationsOf = (state: EditorState, binding: EditorBinding) => Decoration[] | null;

/**
 * Shows `decorationsOf` in `editor`, worked out again after each change to `doc`: at most
 * once a frame, and between transactions, when the binding's mapping matches the editor.
 */
export function useDecorationLayer(
  editor: Editor,
  doc: Y.Doc,
  name: string,
  decorationsOf: DecorationsOf | null,
): void {
  const layer = useRef<DecorationLayer | null>(null);
  useEffect(() => {
    if (editor.isDestroyed) return;
    const created = new DecorationLayer(name);
    layer.current = created;
    editor.registerPlugin(created.plugin);
    return () => {
      layer.current = null;
      if (!editor.isDestroyed) editor.unregisterPlugin(created.key);
    };
  }, [editor, name]);

  useEffect(() => {
    const shown = layer.current;
    if (!shown || editor.isDestroyed) return;
    let frame: number | null = null;
    const render = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const binding = bindingOf(editor.state);
      const decorations = decorationsOf && binding ? decorationsOf(editor.state, binding) : null;
      if (!decorations && shown.current(editor.view) === DecorationSet.empty) return;
      shown.show(editor.view, decorations ? DecorationSet.create(editor.state.doc, decorations) : DecorationSet.empty);
    };
    // The binding writes every editor transaction to Yjs, changed or not: only changes count.
    const schedule = (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) frame ??= requestAnimationFrame(render);
    };
    render();
    if (!decorationsOf) return;
    doc.on("afterTransaction", schedule);
    return () => {
      doc.off("afterTransaction", schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor, doc, decorationsOf]);
}

import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import { bindingOf, type EditorBinding } from "../editor/editorBinding";
import { insertedRanges } from "../editor/insertedRanges";
import { isRemoteChange } from "../editor/isRemoteChange";
import { authorAttributes } from "./authorDecorations";

/** How long others' fresh text stays lit. */
const FLASH_MS = 1500;

interface Watching {
  /** The lights for the text a transaction of others added, where `binding` shows it. */
  lights: (transaction: Y.Transaction, binding: EditorBinding) => Decoration[];
  /** Others' live Yjs transaction whose change the editor is about to show. */
  arriving: Y.Transaction | null;
}

function unexpired(lit: DecorationSet): DecorationSet {
  return lit.remove(lit.find(undefined, undefined, (spec) => (spec as { until: number }).until <= Date.now()));
}

/**
 * Lights up what others write in the same transaction as the Yjs binding's that shows it: a
 * transaction of its own would be a second update of the whole editor for every key they type.
 */
class FreshEditLights {
  private readonly key = new PluginKey<DecorationSet>("freshEdits");
  // Per document, as the binding names it: each editor of the plugin shows its own.
  private readonly watching = new WeakMap<Y.Doc, Watching>();
  readonly plugin = new Plugin<DecorationSet>({
    key: this.key,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, previous, oldState) => {
        const lit = (tr.getMeta(this.key) as DecorationSet | undefined) ?? previous.map(tr.mapping, tr.doc);
        // The binding is the same object in both states, its mapping already the new document's.
        const binding = isRemoteChange(tr) ? bindingOf(oldState) : null;
        const watching = binding && this.watching.get(binding.doc);
        if (!binding || !watching?.arriving) return lit;
        const lights = watching.lights(watching.arriving, binding);
        watching.arriving = null;
        return lights.length > 0
          ? unexpired(lit).add(
              tr.doc,
              lights.filter(({ to }) => to <= tr.doc.content.size),
            )
          : lit;
      },
    },
    props: { decorations: (state) => this.key.getState(state) ?? null },
  });

  /** Lights others' live insertions into `editor` until the returned function is called. */
  watch(editor: Editor, doc: Y.Doc, authorOf: (client: number) => Author, isLive: () => boolean): () => void {
    let clearTimer: ReturnType<typeof setTimeout> | undefined;
    // What has run its time goes out with the next insertion, and whatever is left once they stop.
    const clearAll = () => {
      clearTimer = undefined;
      if (!editor.isDestroyed && this.key.getState(editor.state) !== DecorationSet.empty) {
        editor.view.dispatch(editor.state.tr.setMeta(this.key, DecorationSet.empty));
      }
    };
    const watching: Watching = {
      arriving: null,
      lights: (transaction, binding) => {
        const until = Date.now() + FLASH_MS;
        const lights = insertedRanges(transaction, binding).map(({ client, from, to }) =>
          Decoration.inline(from, to, authorAttributes(authorOf(client), "fresh-edit"), { until }),
        );
        // Only what lit something keeps the lights on: a title or comment edit does not.
        if (lights.length > 0) {
          clearTimeout(clearTimer);
          clearTimer = setTimeout(clearAll, FLASH_MS);
        }
        return lights;
      },
    };
    this.watching.set(doc, watching);
    let live: Y.Transaction | null = null;
    const arriving = (transaction: Y.Transaction) => {
      if (transaction.local || editor.isDestroyed || !isLive()) return;
      live = transaction;
      watching.arriving = transaction;
    };
    const arrived = (transaction: Y.Transaction) => {
      if (transaction !== live) return;
      live = null;
      // Not shown if it did not change the body: it must not light the next one that does.
      watching.arriving = null;
    };
    doc.on("beforeObserverCalls", arriving);
    doc.on("afterTransaction", arrived);
    return () => {
      doc.off("beforeObserverCalls", arriving);
      doc.off("afterTransaction", arrived);
      if (this.watching.get(doc) === watching) this.watching.delete(doc);
      clearTimeout(clearTimer);
      clearAll();
    };
  }
}

export const FRESH_EDITS = new FreshEditLights();

/** Lights up text others just wrote, in their colour, for a moment; not what comes while catching up (`isLive` false). */
export function useFreshEditFlash(
  editor: Editor,
  doc: Y.Doc,
  authorOf: (client: number) => Author,
  isLive: () => boolean,
): void {
  useEffect(() => FRESH_EDITS.watch(editor, doc, authorOf, isLive), [editor, doc, authorOf, isLive]);
}

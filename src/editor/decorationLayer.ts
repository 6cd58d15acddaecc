import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { DecorationSet } from "@tiptap/pm/view";

/** A plugin that shows decorations worked out elsewhere, and moves them with edits until the next ones come. */
export class DecorationLayer {
  private readonly key: PluginKey<DecorationSet>;
  readonly plugin: Plugin<DecorationSet>;

  constructor(name: string) {
    const key = new PluginKey<DecorationSet>(name);
    this.key = key;
    this.plugin = new Plugin<DecorationSet>({
      key,
      state: {
        init: () => DecorationSet.empty,
        apply: (tr, previous) => (tr.getMeta(key) as DecorationSet | undefined) ?? previous.map(tr.mapping, tr.doc),
      },
      props: { decorations: (state) => key.getState(state) ?? null },
    });
  }

  show(view: EditorView, decorations: DecorationSet): void {
    view.dispatch(view.state.tr.setMeta(this.key, decorations));
  }

  current(view: EditorView): DecorationSet {
    return this.key.getState(view.state) ?? DecorationSet.empty;
  }
}

import type { Editor } from "@tiptap/react";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { useEffect } from "react";
import type { CommentThread } from "../../party/shared/comments";
import { passageIn } from "./editorAnchors";

interface HighlightInput {
  threads: readonly CommentThread[];
  active: string | null;
  onActivate: (threadId: string) => void;
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet;
}

const highlightsKey = new PluginKey<HighlightState>("commentHighlights");

/** One highlight per open thread: the passage's text nodes, each its own span, the first carrying the test hook. */
function highlights(state: EditorState, { threads, active }: HighlightInput): DecorationSet {
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  for (const thread of threads) {
    if (thread.resolved) continue;
    const range = passageIn(state, thread.anchor);
    if (!range || range.to > size) continue;
    let first = true;
    state.doc.nodesBetween(range.from, range.to, (node, position) => {
      if (!node.isText) return;
      const from = Math.max(range.from, position);
      const to = Math.min(range.to, position + node.nodeSize);
      if (from >= to) return;
      const className = `comment-highlight${thread.id === active ? " comment-highlight--active" : ""}`;
      const hook = first ? { "data-testid": "comment-highlight" } : {};
      decorations.push(
        Decoration.inline(
          from,
          to,
          { class: className, "data-thread-id": thread.id, ...hook },
          { threadId: thread.id },
        ),
      );
      first = false;
    });
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Anchors are read through the Yjs binding, which is up to date only for the document of a
 * change that came from Yjs, or between transactions: highlights are worked out then, and
 * otherwise moved along with the local edit (the binding writes it to Yjs after the edit).
 */
export const COMMENT_HIGHLIGHTS = new Plugin<HighlightState>({
  key: highlightsKey,
  state: {
    init: () => ({ threads: [], active: null, onActivate: () => {}, decorations: DecorationSet.empty }),
    apply: (tr, previous, _old, state) => {
      const input = tr.getMeta(highlightsKey) as HighlightInput | undefined;
      const fromYjs = (ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
      if (input || fromYjs) {
        const next = input ?? previous;
        return { ...next, decorations: highlights(state, next) };
      }
      return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
    },
  },
  props: {
    decorations: (state) => highlightsKey.getState(state)?.decorations ?? null,
    // Clicking highlighted text opens its thread.
    handleClick(view, position) {
      const value = highlightsKey.getState(view.state);
      const found = value?.decorations.find(position, position) ?? [];
      const threadId = (found[0]?.spec as { threadId?: string } | undefined)?.threadId;
      if (value && threadId) value.onActivate(threadId);
      return false;
    },
  },
});

/** Highlights the passages of the open threads in `editor`, the active one more strongly. */
export function useCommentHighlights(
  editor: Editor,
  threads: readonly CommentThread[],
  active: string | null,
  onActivate: (threadId: string) => void,
): void {
  useEffect(() => {
    if (editor.isDestroyed) return;
    const input: HighlightInput = { threads, active, onActivate };
    editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, input));
  }, [editor, threads, active, onActivate]);
  // The comments column closes (for history): its highlights go with it.
  useEffect(
    () => () => {
      const none: HighlightInput = { threads: [], active: null, onActivate: () => {} };
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, none));
    },
    [editor],
  );
}

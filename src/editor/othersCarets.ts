import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";
import { yCursorPluginKey } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";

type Listener = (...args: unknown[]) => void;

// When the caret plugin draws others' carets again. It draws only others', yet redrew them all,
// in an update of the whole editor, at every change of awareness: this tab's own caret moving
// with each of its keys too. It now hears others' changes only (`othersOnlyAwareness`), and
// after a change of this tab's own that cleared the carets, it is told once
// (`CaretsAfterOwnChanges`).

/** The awareness without this tab's own changes (y-protocols gives them the origin "local") for "change" listeners. */
export function othersOnlyAwareness(awareness: Awareness): Awareness {
  const heard = new WeakMap<Listener, Listener>();
  const othersOnly = (listener: Listener) => {
    let wrapped = heard.get(listener);
    if (!wrapped) {
      wrapped = (changes, origin) => {
        if (origin !== "local") listener(changes, origin);
      };
      heard.set(listener, wrapped);
    }
    return wrapped;
  };
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "on" || property === "off") {
        return (name: string, listener: Listener) =>
          target[property](name, name === "change" ? othersOnly(listener) : listener);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as Listener).bind(target) : value;
    },
  });
}

/**
 * The caret plugin clears every caret when this tab's own change alters the document's
 * structure (Enter, a pasted block), and drew them again when this tab's caret then moved.
 */
export const CaretsAfterOwnChanges = Extension.create({
  name: "caretsAfterOwnChanges",
  addProseMirrorPlugins: () => [
    new Plugin({
      view: () => {
        let redraw: ReturnType<typeof setTimeout> | undefined;
        return {
          update: (view, previous) => {
            const cleared =
              yCursorPluginKey.getState(view.state) === DecorationSet.empty &&
              yCursorPluginKey.getState(previous) !== DecorationSet.empty;
            if (!cleared || redraw !== undefined) return;
            // Once this update is over: a view must not dispatch while it updates.
            redraw = setTimeout(() => {
              redraw = undefined;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }));
            });
          },
          destroy: () => clearTimeout(redraw),
        };
      },
    }),
  ],
});

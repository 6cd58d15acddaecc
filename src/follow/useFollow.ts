import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { PresentPerson } from "../collab/presentPeople";
import { caretOf } from "./caretOf";
import { scrollToPosition, whereIs } from "./scrollToPosition";

export interface Follow {
  /** The person followed, by presence key; null when following no one. */
  following: string | null;
  /** Follows a person, or stops if they are the one followed. */
  toggle: (key: string) => void;
  /** Scrolls once to a person's caret. */
  jumpTo: (key: string) => void;
}

// A followed caret this close to the page's edge is brought back to the middle before it leaves the view.
const EDGE_PX = 48;
// What the reader does themselves ends following; what happens in presence (the Follow button) does not.
const OWN_ACTIONS = ["keydown", "pointerdown", "wheel", "touchmove"] as const;

/** Jumping to a person's caret, and following it: kept in view as they move and type, until the reader acts. */
export function useFollow(editor: Editor, awareness: Awareness, people: PresentPerson[]): Follow {
  const [chosen, setChosen] = useState<string | null>(null);
  const following = people.some((person) => person.key === chosen && !person.isSelf) ? chosen : null;
  // Someone who left is no longer followed, nor again when they come back (React's adjust-while-rendering).
  if (chosen !== null && following === null) setChosen(null);

  const jumpTo = useCallback(
    (key: string) => {
      if (editor.isDestroyed) return;
      const at = caretOf(editor.state, awareness, key);
      if (at !== null) scrollToPosition(editor.view, at);
    },
    [editor, awareness],
  );
  const toggle = useCallback((key: string) => setChosen((current) => (current === key ? null : key)), []);

  useEffect(() => {
    if (following === null || editor.isDestroyed) return;
    let frame: number | null = null;
    const keepInView = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const at = caretOf(editor.state, awareness, following);
      if (at !== null && whereIs(editor.view, at, EDGE_PX) !== "in view") scrollToPosition(editor.view, at);
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(keepInView);
    };
    const stop = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(".presence")) return;
      // At once, not when React renders next: a frame already asked for would scroll back to
      // their caret, cutting the reader's own scroll short.
      release();
      setChosen(null);
    };
    const release = () => {
      awareness.off("change", schedule);
      editor.off("update", schedule);
      for (const type of OWN_ACTIONS) window.removeEventListener(type, stop, { capture: true });
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    };
    keepInView();
    awareness.on("change", schedule);
    editor.on("update", schedule);
    for (const type of OWN_ACTIONS) window.addEventListener(type, stop, { capture: true, passive: true });
    return release;
  }, [editor, awareness, following]);

  return { following, toggle, jumpTo };
}

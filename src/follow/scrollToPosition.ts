import type { EditorView } from "@tiptap/pm/view";

// The header stays on top of the page as it scrolls: text under it is not in view.
function visibleTop(): number {
  return document.querySelector(".document-header")?.getBoundingClientRect().bottom ?? 0;
}

/** Whether `pos` is above, below or within what the reader sees of the page, `margin` pixels in from its edges. */
export function whereIs(view: EditorView, pos: number, margin = 0): "above" | "below" | "in view" {
  const { top, bottom } = view.coordsAtPos(pos);
  if (top < visibleTop() + margin) return "above";
  if (bottom > window.innerHeight - margin) return "below";
  return "in view";
}

/** Scrolls the page so `pos` sits in the middle of what the reader sees. */
export function scrollToPosition(view: EditorView, pos: number): void {
  const { top } = view.coordsAtPos(pos);
  const middle = (visibleTop() + window.innerHeight) / 2;
  window.scrollBy({ top: top - middle });
}

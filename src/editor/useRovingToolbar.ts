import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef } from "react";

const ITEMS = ".toolbar-button:not(:disabled)";

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/**
 * A toolbar as one tab stop, as ARIA's toolbar pattern has it: Tab reaches the button used last
 * (or the first), the arrow keys, Home and End move among the buttons. Set after every render,
 * since buttons come and go (the table's) and turn on and off (undo).
 */
export function useRovingToolbar(toolbar: RefObject<HTMLElement | null>): {
  onKeyDown: (event: KeyboardEvent) => void;
  onFocus: (event: { target: EventTarget }) => void;
} {
  const last = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const items = [...(toolbar.current?.querySelectorAll<HTMLElement>(".toolbar-button") ?? [])];
    const enabled = items.filter((item) => item.matches(ITEMS));
    const stop = enabled.find((item) => item === last.current) ?? enabled[0];
    for (const item of items) item.tabIndex = item === stop ? 0 : -1;
  });
  return {
    onFocus: ({ target }) => {
      if (!(target instanceof HTMLElement) || !target.matches(ITEMS)) return;
      last.current = target;
      for (const item of toolbar.current?.querySelectorAll<HTMLElement>(".toolbar-button") ?? []) {
        item.tabIndex = item === target ? 0 : -1;
      }
    },
    onKeyDown: (event) => {
      const move = MOVES[event.key];
      const items = [...(toolbar.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (!move || at < 0) return;
      event.preventDefault();
      items[move(at, items.length)]?.focus();
    },
  };
}

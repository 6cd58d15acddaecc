import { type RefObject, useEffect } from "react";

/** While `open`, a press anywhere outside `within` calls `close`, as menus and popovers do. */
export function useCloseOnOutsideClick(within: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!within.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [within, open, close]);
}

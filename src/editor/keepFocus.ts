import type { MouseEvent } from "react";

/**
 * A control's onMouseDown that leaves the focus, and with it the text's selection, where they
 * are: a press would otherwise move the focus out of the text (or, in Safari, out of a form).
 */
export const keepFocus = (event: MouseEvent) => event.preventDefault();

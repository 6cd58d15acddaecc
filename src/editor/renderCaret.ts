import { type AwarenessUser, displayColor } from "../../party/shared/collabSchema";
import { textColorOn } from "../identity/textColorOn";

/**
 * A remote caret with its name label: the label carries the `caret-label` test hook, and a
 * colour that is not `#rrggbb` falls back to grey instead of hiding the name. Names come
 * from other people, so they go in as text only, never as HTML.
 */
export function renderCaret(user: AwarenessUser): HTMLElement {
  const color = displayColor(user.color);
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;

  const label = document.createElement("div");
  label.className = "collaboration-carets__label";
  label.dataset.testid = "caret-label";
  label.style.backgroundColor = color;
  label.style.color = textColorOn(color);
  label.textContent = user.name;

  caret.append(label);
  return caret;
}

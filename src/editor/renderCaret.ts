import { type AwarenessUser, displayColor } from "../../party/shared/collabSchema";

/**
 * A remote caret with its name label. Names come from other people, so they go in
 * as text nodes only, never as HTML.
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
  label.textContent = user.name;

  caret.append(label);
  return caret;
}

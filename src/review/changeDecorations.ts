import { Decoration } from "@tiptap/pm/view";
import type { Author } from "../../party/shared/history";
import { authorAttributes } from "./authorDecorations";
import type { Passage } from "./changesSince";

function deletionMarker(passage: number): HTMLElement {
  const marker = document.createElement("span");
  marker.className = "change-deletion";
  marker.dataset.testid = "change-deletion";
  marker.dataset.passage = String(passage);
  marker.title = "Text was deleted here";
  marker.setAttribute("role", "img");
  marker.setAttribute("aria-label", "Deleted text");
  return marker;
}

/** Each passage's changes: added text in its author's colour, a small marker where text was deleted. */
export function changeDecorations(passages: readonly Passage[], authorOf: (client: number) => Author): Decoration[] {
  const decorations: Decoration[] = [];
  passages.forEach((passage, index) => {
    for (const change of passage.changes) {
      const hook = { "data-testid": "change-highlight", "data-passage": String(index) };
      if (change.client === null)
        decorations.push(
          Decoration.widget(change.from, () => deletionMarker(index), {
            key: `deletion:${index}`,
            side: -1,
            ignoreSelection: true,
          }),
        );
      else
        decorations.push(
          Decoration.inline(change.from, change.to, {
            ...authorAttributes(authorOf(change.client), "change-highlight"),
            ...hook,
          }),
        );
    }
  });
  return decorations;
}

import { Decoration } from "@tiptap/pm/view";
import type { Author } from "../../party/shared/history";
import { displayColor } from "../../party/shared/collabSchema";
import type { DecorationsOf } from "../editor/useDecorationLayer";
import { itemRuns } from "./itemRuns";

/** The attributes that show text as `author`'s: their colour, and their name on hover. */
export function authorAttributes(author: Author, className: string): Record<string, string> {
  return {
    class: className,
    style: `--author-color: ${displayColor(author.color)}`,
    title: author.name,
    "data-author": author.key,
  };
}

/** Colours the text near the reader's view by who wrote it: one decoration for each run of one author's text. */
export function authorDecorations(authorOf: (client: number) => Author): DecorationsOf {
  return (_state, binding, near) => {
    const decorations: Decoration[] = [];
    let run: { from: number; to: number; author: Author } | null = null;
    const close = () => {
      if (run) decorations.push(Decoration.inline(run.from, run.to, authorAttributes(run.author, "author-text")));
    };
    itemRuns(binding.type, binding.mapping, (item) => {
      if (item.kind !== "shown" || item.to < near.from || item.from > near.to) return;
      const author = authorOf(item.id.client);
      if (run && run.to === item.from && run.author.key === author.key) run.to = item.to;
      else {
        close();
        run = { from: item.from, to: item.to, author };
      }
    });
    close();
    return decorations;
  };
}

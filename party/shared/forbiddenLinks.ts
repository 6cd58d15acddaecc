import type { Transform } from "@tiptap/pm/transform";
import { isAllowedLinkHref } from "./documentSchema";

/**
 * Takes off, in `transform`, every link whose target a document may not hold (keeping its
 * text); returns whether there was one. Some paths write links unchecked: TipTap's paste of a
 * URL over a selection, and its Markdown reader.
 */
export function removeForbiddenLinks(transform: Transform): boolean {
  let found = false;
  transform.doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (mark.type.name !== "link" || mark.attrs.href == null || isAllowedLinkHref(mark.attrs.href)) continue;
      transform.removeMark(pos, pos + node.nodeSize, mark);
      found = true;
    }
  });
  return found;
}

import { getSchema } from "@tiptap/core";
import Highlight from "@tiptap/extension-highlight";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isHighlightColor } from "./highlightColors";

/** The schemes a link may have: the web and email, never script or local files. */
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Whether a link target is one a document may hold: an absolute http, https or mailto address. */
export function isAllowedLinkHref(href: unknown): boolean {
  if (typeof href !== "string") return false;
  try {
    return LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * Highlight in a few colours. A colour read from pasted or imported HTML is kept only when it
 * is one of those (otherwise the highlight is the plain one), since it is written into a style.
 */
const PaletteHighlight = Highlight.extend({
  addAttributes() {
    return {
      color: {
        default: null,
        parseHTML: (element) => {
          const color = element.getAttribute("data-color");
          return isHighlightColor(color) ? color.toLowerCase() : null;
        },
        renderHTML: (attributes) =>
          isHighlightColor(attributes.color)
            ? { "data-color": attributes.color, style: `background-color: ${attributes.color}; color: inherit` }
            : {},
      },
    };
  },
});

/**
 * What a document can hold: the editor and the server's converters both build on these,
 * so what is exported or imported is exactly what the editor shows. (Undo/redo is Yjs'
 * own in the editor, so StarterKit's is off.) A link whose href is not allowed renders
 * without one instead of throwing, should an old document hold such a link. Tables keep
 * their columns' widths as they come (no dragging to resize yet).
 */
export const DOCUMENT_EXTENSIONS = [
  StarterKit.configure({
    undoRedo: false,
    link: {
      openOnClick: false,
      defaultProtocol: "https",
      isAllowedUri: (href) => href == null || isAllowedLinkHref(href),
    },
  }),
  TaskList,
  TaskItem.configure({ nested: true }),
  TableKit.configure({ table: { resizable: false } }),
  PaletteHighlight.configure({ multicolor: true }),
];

export const documentSchema = getSchema(DOCUMENT_EXTENSIONS);

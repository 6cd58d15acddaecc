import { getSchema } from "@tiptap/core";
import Highlight from "@tiptap/extension-highlight";
import Link from "@tiptap/extension-link";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isHighlightColor } from "./highlightColors";
import { CleanTableCell, CleanTableHeader } from "./tableCells";

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

/** What every link opens with: a new tab that gets no handle on the document. */
export const LINK_TARGET = "_blank";
export const LINK_REL = "noopener noreferrer nofollow";

/**
 * Links whose only free attributes are their address and title. A pasted or imported link's
 * class, target and rel are not kept, nor rendered if an old document holds them: a class is
 * the app's own styling (a link could pass for the app's "new version" notice), and
 * `target="_top"` or `rel="opener"` would hand the document's tab to the linked page.
 */
const SafeLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      target: { default: LINK_TARGET, parseHTML: () => LINK_TARGET, renderHTML: () => ({ target: LINK_TARGET }) },
      rel: { default: LINK_REL, parseHTML: () => LINK_REL, renderHTML: () => ({ rel: LINK_REL }) },
      class: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    };
  },
});

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
  StarterKit.configure({ undoRedo: false, link: false }),
  SafeLink.configure({
    openOnClick: false,
    defaultProtocol: "https",
    isAllowedUri: (href) => href == null || isAllowedLinkHref(href),
  }),
  TaskList,
  TaskItem.configure({ nested: true }),
  TableKit.configure({ table: { resizable: false }, tableCell: false, tableHeader: false }),
  CleanTableCell,
  CleanTableHeader,
  PaletteHighlight.configure({ multicolor: true }),
];

export const documentSchema = getSchema(DOCUMENT_EXTENSIONS);

import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { isAllowedLinkHref } from "../../party/shared/documentSchema";

/**
 * Ctrl+click (⌘-click on a Mac) on a link opens it in a new tab, as in other editors; a plain
 * click only places the caret. The new tab gets no handle on this one (noopener, noreferrer).
 */
export const OpenLinkOnModClick = Extension.create({
  name: "openLinkOnModClick",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleClick: (view, _pos, event) => {
            if (!(event.ctrlKey || event.metaKey) || !(event.target instanceof Element)) return false;
            const link = event.target.closest("a[href]");
            const href = link?.getAttribute("href");
            if (!link || !view.dom.contains(link) || !isAllowedLinkHref(href)) return false;
            window.open(href ?? "", "_blank", "noopener,noreferrer");
            return true;
          },
        },
      }),
    ];
  },
});

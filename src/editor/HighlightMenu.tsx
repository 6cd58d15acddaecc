import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { HIGHLIGHT_COLORS } from "../../party/shared/highlightColors";
import { shortcutText } from "./shortcutText";
import { ToolbarLabel } from "./ToolbarLabel";

/** The highlight button: a few colours for the selection, and a way to take the highlight off. */
export function HighlightMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const choose = (run: () => void) => {
    run();
    setOpen(false);
  };
  return (
    <div className="menu-anchor" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        className="toolbar-button toolbar-button--highlight"
        data-testid="toolbar-highlight"
        aria-haspopup="menu"
        aria-expanded={open}
        title={`Highlight (${shortcutText("Mod+Shift+H")} for yellow)`}
        disabled={!editor.isEditable}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen(!open)}
      >
        <ToolbarLabel glyph={<span className="toolbar-button__highlight-glyph">A</span>} label="Highlight" />
      </button>
      {open && (
        <div className="menu highlight-menu" role="menu" aria-label="Highlight colours">
          {Object.entries(HIGHLIGHT_COLORS).map(([name, color]) => (
            <button
              key={color}
              type="button"
              role="menuitem"
              className="highlight-menu__swatch"
              data-testid={`highlight-${name.toLowerCase()}`}
              style={{ background: color }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(() => editor.chain().focus().setHighlight({ color }).run())}
            >
              {name}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="highlight-menu__none"
            data-testid="highlight-none"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(() => editor.chain().focus().unsetHighlight().run())}
          >
            No highlight
          </button>
        </div>
      )}
    </div>
  );
}

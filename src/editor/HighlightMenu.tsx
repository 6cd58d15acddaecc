import type { Editor } from "@tiptap/react";
import { useRef, useState } from "react";
import { useCloseOnOutsideClick } from "../useCloseOnOutsideClick";
import { HIGHLIGHT_COLORS } from "../../party/shared/highlightColors";
import { keepFocus } from "./keepFocus";
import { shortcutText } from "./shortcutText";
import { ToolbarLabel } from "./ToolbarLabel";

/** The highlight button: a few colours for the selection, and a way to take the highlight off. */
export function HighlightMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // A click anywhere else (back in the text, say) closes it.
  useCloseOnOutsideClick(anchor, open, () => setOpen(false));
  const choose = (run: () => void) => {
    run();
    setOpen(false);
  };
  return (
    <div
      ref={anchor}
      className="menu-anchor"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="toolbar-button toolbar-button--highlight"
        data-testid="toolbar-highlight"
        aria-expanded={open}
        aria-controls="highlight-colours"
        title={`Highlight (${shortcutText("Mod+Shift+H")} for yellow)`}
        disabled={!editor.isEditable}
        onMouseDown={keepFocus}
        onClick={() => setOpen(!open)}
      >
        <ToolbarLabel glyph={<span className="toolbar-button__highlight-glyph">A</span>} label="Highlight" />
      </button>
      {open && (
        <div id="highlight-colours" className="menu highlight-menu" role="group" aria-label="Highlight colours">
          {Object.entries(HIGHLIGHT_COLORS).map(([name, color]) => (
            <button
              key={color}
              type="button"
              className="highlight-menu__swatch"
              data-testid={`highlight-${name.toLowerCase()}`}
              style={{ background: color }}
              onMouseDown={keepFocus}
              onClick={() => choose(() => editor.chain().focus().setHighlight({ color }).run())}
            >
              {name}
            </button>
          ))}
          <button
            type="button"
            className="highlight-menu__none"
            data-testid="highlight-none"
            onMouseDown={keepFocus}
            onClick={() => choose(() => editor.chain().focus().unsetHighlight().run())}
          >
            No highlight
          </button>
        </div>
      )}
    </div>
  );
}

import type { Editor } from "@tiptap/react";
import { type FormEvent, useState } from "react";
import { createPortal } from "react-dom";
import { keepFocus } from "./keepFocus";
import { linkAddress } from "./linkAddress";

/** Where the selection starts, in page coordinates, so the editor sits just under it and scrolls with the text. */
function underSelection(editor: Editor): { top: number; left: number } {
  const at = editor.view.coordsAtPos(editor.state.selection.from);
  return { top: at.bottom + window.scrollY + 6, left: Math.max(8, at.left + window.scrollX) };
}

/**
 * A small form under the selection to add, change or remove its link. Enter applies, Escape
 * goes back to the text; with nothing selected, the address is written as the link's text.
 */
export function LinkEditor({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes("link").href as string | undefined;
  const [typed, setTyped] = useState(current ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [position] = useState(() => underSelection(editor));

  const back = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = linkAddress(typed);
    if (href === null) {
      setProblem("A link must be a web address (https://…) or an email address.");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && current === undefined) {
      // The link ends where its text does: what is typed next is not part of it.
      chain
        .insertContent({ type: "text", text: typed.trim(), marks: [{ type: "link", attrs: { href } }] })
        .unsetMark("link")
        .run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return createPortal(
    <form
      className="link-editor"
      role="dialog"
      aria-label="Link"
      data-testid="link-editor"
      style={position}
      onSubmit={apply}
      onKeyDown={(event) => event.key === "Escape" && back()}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onClose();
      }}
    >
      <input
        autoFocus
        className="link-editor__address"
        data-testid="link-address"
        aria-label="Link address"
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : "link-editor-problem"}
        placeholder="Paste or type a link"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="button" data-testid="link-apply" onMouseDown={keepFocus}>
        Apply
      </button>
      {current !== undefined && (
        <button type="button" className="button" data-testid="link-remove" onMouseDown={keepFocus} onClick={remove}>
          Remove
        </button>
      )}
      {problem && (
        <p id="link-editor-problem" className="link-editor__problem" role="alert">
          {problem}
        </p>
      )}
    </form>,
    document.body,
  );
}

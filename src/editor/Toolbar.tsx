import type { ChainedCommands, Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { useRef, useState } from "react";
import { HighlightMenu } from "./HighlightMenu";
import { keepFocus } from "./keepFocus";
import { LinkEditor } from "./LinkEditor";
import { shortcutText } from "./shortcutText";
import { ToolbarLabel } from "./ToolbarLabel";
import { useLinkShortcut } from "./useLinkShortcut";
import { useRovingToolbar } from "./useRovingToolbar";

interface ToolbarAction {
  id: string;
  label: string;
  shortcut?: string;
  glyph: string;
  run: (chain: ChainedCommands) => ChainedCommands;
  /** Whether the button shows as pressed; undefined for one-off actions. */
  isActive?: (editor: Editor) => boolean;
}

const HEADING_LEVELS = [1, 2, 3] as const;

const HISTORY: ToolbarAction[] = [
  { id: "undo", label: "Undo", shortcut: "Mod+Z", glyph: "↶", run: (chain) => chain.undo() },
  { id: "redo", label: "Redo", shortcut: "Mod+Shift+Z", glyph: "↷", run: (chain) => chain.redo() },
];

const HEADINGS: ToolbarAction[] = HEADING_LEVELS.map((level) => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  shortcut: `Mod+Alt+${level}`,
  glyph: `H${level}`,
  run: (chain: ChainedCommands) => chain.toggleHeading({ level }),
  isActive: (editor: Editor) => editor.isActive("heading", { level }),
}));

const MARKS: ToolbarAction[] = [
  toggle("bold", "Bold", "Mod+B", "B", (chain) => chain.toggleBold()),
  toggle("italic", "Italic", "Mod+I", "I", (chain) => chain.toggleItalic()),
  toggle("underline", "Underline", "Mod+U", "U", (chain) => chain.toggleUnderline()),
  toggle("strike", "Strikethrough", "Mod+Shift+S", "S", (chain) => chain.toggleStrike()),
  toggle("code", "Inline code", "Mod+E", "</>", (chain) => chain.toggleCode()),
];

const BLOCKS: ToolbarAction[] = [
  toggle("bulletList", "Bulleted list", "Mod+Shift+8", "•", (chain) => chain.toggleBulletList()),
  toggle("orderedList", "Numbered list", "Mod+Shift+7", "1.", (chain) => chain.toggleOrderedList()),
  toggle("taskList", "Checklist", "Mod+Shift+9", "☑", (chain) => chain.toggleTaskList()),
  toggle("blockquote", "Quote", "Mod+Shift+B", "❝", (chain) => chain.toggleBlockquote()),
  toggle("codeBlock", "Code block", "Mod+Alt+C", "{ }", (chain) => chain.toggleCodeBlock()),
  { id: "horizontalRule", label: "Divider", shortcut: "---", glyph: "―", run: (chain) => chain.setHorizontalRule() },
  {
    id: "table",
    label: "Table",
    glyph: "▦",
    run: (chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  },
];

const PRESSABLE = [...HEADINGS, ...MARKS, ...BLOCKS];

/** What can be done to the table the selection is in; shown only there. */
const TABLE_ACTIONS: ToolbarAction[] = [
  { id: "addRowBefore", label: "Row above", glyph: "↥ Row", run: (chain) => chain.addRowBefore() },
  { id: "addRowAfter", label: "Row below", glyph: "↧ Row", run: (chain) => chain.addRowAfter() },
  { id: "addColumnBefore", label: "Column left", glyph: "↤ Col", run: (chain) => chain.addColumnBefore() },
  { id: "addColumnAfter", label: "Column right", glyph: "↦ Col", run: (chain) => chain.addColumnAfter() },
  { id: "deleteRow", label: "Delete row", glyph: "✕ Row", run: (chain) => chain.deleteRow() },
  { id: "deleteColumn", label: "Delete column", glyph: "✕ Col", run: (chain) => chain.deleteColumn() },
  { id: "deleteTable", label: "Delete table", glyph: "✕ Table", run: (chain) => chain.deleteTable() },
];

function toggle(
  name: string,
  label: string,
  shortcut: string,
  glyph: string,
  run: ToolbarAction["run"],
): ToolbarAction {
  return { id: name, label, shortcut, glyph, run, isActive: (editor) => editor.isActive(name) };
}

/** Formatting, structure and undo/redo buttons; each also has its usual keyboard shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      active: Object.fromEntries(PRESSABLE.map((action) => [action.id, action.isActive?.(current) ?? false])) as Record<
        string,
        boolean
      >,
      link: current.isActive("link"),
      inTable: current.isActive("table"),
      // Read from Yjs' undo manager, as the undo and redo commands do: `can()` builds every
      // command anew, and this runs for each transaction, a collaborator's keystrokes included.
      canUndo: (yUndoPluginKey.getState(current.state)?.undoManager.undoStack.length ?? 0) > 0,
      canRedo: (yUndoPluginKey.getState(current.state)?.undoManager.redoStack.length ?? 0) > 0,
    }),
  });
  const [editingLink, setEditingLink] = useState(false);
  useLinkShortcut(editor, () => setEditingLink(true));
  const toolbar = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(toolbar);

  // No table inside a table: its cells could not be written as Markdown.
  const isEnabled = (action: ToolbarAction) =>
    action.id === "undo"
      ? state.canUndo
      : action.id === "redo"
        ? state.canRedo
        : editor.isEditable && !(action.id === "table" && state.inTable);

  const button = (action: ToolbarAction) => (
    <button
      key={action.id}
      type="button"
      className={`toolbar-button toolbar-button--${action.id}`}
      data-testid={`toolbar-${action.id}`}
      aria-pressed={action.isActive ? state.active[action.id] : undefined}
      title={action.shortcut ? `${action.label} (${shortcutText(action.shortcut)})` : action.label}
      disabled={!isEnabled(action)}
      onMouseDown={keepFocus}
      onClick={() => action.run(editor.chain().focus()).run()}
    >
      <ToolbarLabel glyph={action.glyph} label={action.label} />
    </button>
  );

  return (
    <div
      ref={toolbar}
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <div className="toolbar-group">{HISTORY.map(button)}</div>
      <div className="toolbar-group">{HEADINGS.map(button)}</div>
      <div className="toolbar-group">
        {MARKS.map(button)}
        <HighlightMenu editor={editor} />
        <button
          type="button"
          className="toolbar-button toolbar-button--link"
          data-testid="toolbar-link"
          aria-pressed={state.link}
          aria-expanded={editingLink}
          title={`Link (${shortcutText("Mod+K")})`}
          disabled={!editor.isEditable}
          onMouseDown={keepFocus}
          onClick={() => setEditingLink(true)}
        >
          <ToolbarLabel glyph="🔗" label="Link" />
        </button>
      </div>
      <div className="toolbar-group">{BLOCKS.map(button)}</div>
      {state.inTable && <div className="toolbar-group toolbar-group--table">{TABLE_ACTIONS.map(button)}</div>}
      {editingLink && <LinkEditor editor={editor} onClose={() => setEditingLink(false)} />}
    </div>
  );
}

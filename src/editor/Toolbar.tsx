import type { ChainedCommands, Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

interface ToolbarAction {
  id: string;
  label: string;
  shortcut: string;
  glyph: string;
  run: (chain: ChainedCommands) => ChainedCommands;
  /** Whether the button shows as pressed; undefined for one-off actions. */
  isActive?: (editor: Editor) => boolean;
}

const HEADING_LEVELS = [1, 2, 3] as const;

const GROUPS: ToolbarAction[][] = [
  [
    { id: "undo", label: "Undo", shortcut: "Mod+Z", glyph: "↶", run: (chain) => chain.undo() },
    { id: "redo", label: "Redo", shortcut: "Mod+Shift+Z", glyph: "↷", run: (chain) => chain.redo() },
  ],
  HEADING_LEVELS.map((level) => ({
    id: `heading-${level}`,
    label: `Heading ${level}`,
    shortcut: `Mod+Alt+${level}`,
    glyph: `H${level}`,
    run: (chain: ChainedCommands) => chain.toggleHeading({ level }),
    isActive: (editor: Editor) => editor.isActive("heading", { level }),
  })),
  [
    toggle("bold", "Bold", "Mod+B", "B", (chain) => chain.toggleBold()),
    toggle("italic", "Italic", "Mod+I", "I", (chain) => chain.toggleItalic()),
    toggle("strike", "Strikethrough", "Mod+Shift+S", "S", (chain) => chain.toggleStrike()),
    toggle("code", "Inline code", "Mod+E", "</>", (chain) => chain.toggleCode()),
  ],
  [
    toggle("bulletList", "Bulleted list", "Mod+Shift+8", "•", (chain) => chain.toggleBulletList()),
    toggle("orderedList", "Numbered list", "Mod+Shift+7", "1.", (chain) => chain.toggleOrderedList()),
    toggle("blockquote", "Quote", "Mod+Shift+B", "❝", (chain) => chain.toggleBlockquote()),
    toggle("codeBlock", "Code block", "Mod+Alt+C", "{ }", (chain) => chain.toggleCodeBlock()),
    { id: "horizontalRule", label: "Divider", shortcut: "---", glyph: "―", run: (chain) => chain.setHorizontalRule() },
  ],
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

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

function shortcutText(shortcut: string): string {
  return shortcut.replace("Mod", isMac ? "⌘" : "Ctrl").replace("Alt", isMac ? "⌥" : "Alt");
}

/** Formatting, structure and undo/redo buttons; each also has its usual keyboard shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      active: Object.fromEntries(
        GROUPS.flat().map((action) => [action.id, action.isActive?.(current) ?? false]),
      ) as Record<string, boolean>,
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });

  const isEnabled = (action: ToolbarAction) =>
    action.id === "undo" ? state.canUndo : action.id === "redo" ? state.canRedo : editor.isEditable;

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {GROUPS.map((group) => (
        <div className="toolbar-group" key={group[0]?.id}>
          {group.map((action) => (
            <button
              key={action.id}
              type="button"
              className={`toolbar-button toolbar-button--${action.id}`}
              data-testid={`toolbar-${action.id}`}
              aria-label={action.label}
              aria-pressed={action.isActive ? state.active[action.id] : undefined}
              title={`${action.label} (${shortcutText(action.shortcut)})`}
              disabled={!isEnabled(action)}
              // Keep the editor's selection: a click must not move focus out of the text.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => action.run(editor.chain().focus()).run()}
            >
              {action.glyph}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

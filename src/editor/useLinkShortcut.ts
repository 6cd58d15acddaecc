import type { Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";

/** Calls `open` when Ctrl+K (⌘K on a Mac) is pressed in the editor, instead of the browser's own use of it. */
export function useLinkShortcut(editor: Editor, open: () => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      // By the key's place too: on a Cyrillic or Greek layout, the K key does not type "k".
      const isK = event.key.toLowerCase() === "k" || event.code === "KeyK";
      if (!mod || event.altKey || event.shiftKey || !isK) return;
      if (!editor.isEditable || !editor.isFocused) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor]);
}

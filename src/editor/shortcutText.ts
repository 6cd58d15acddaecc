const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A shortcut as this platform writes it: `Mod+K` is ⌘K on a Mac and Ctrl+K elsewhere. */
export function shortcutText(shortcut: string): string {
  return shortcut.replace("Mod", isMac ? "⌘" : "Ctrl").replace("Alt", isMac ? "⌥" : "Alt");
}

import type { Person } from "./people";

/** Puts what was copied on the clipboard (its kinds: "text/html", "text/plain") and pastes it. */
export async function paste(person: Person, copied: Record<string, string>): Promise<void> {
  await person.allowClipboard();
  await person.page.bringToFront();
  await person.page.evaluate(async (copied) => {
    const kinds = Object.entries(copied).map(([kind, text]) => [kind, new Blob([text], { type: kind })]);
    await navigator.clipboard.write([new ClipboardItem(Object.fromEntries(kinds))]);
  }, copied);
  await person.page.keyboard.press("ControlOrMeta+v");
}

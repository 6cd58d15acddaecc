import { newDocId } from "../../party/shared/docId";
import { documentApiPath } from "../../party/shared/roomName";

const MEDIA_TYPES: Record<string, string> = {
  md: "text/markdown",
  markdown: "text/markdown",
  html: "text/html",
  htm: "text/html",
};

/** The file types import takes, for a file chooser's `accept`. */
export const IMPORTABLE = Object.keys(MEDIA_TYPES)
  .map((extension) => `.${extension}`)
  .join(",");

/**
 * Makes a new document from a Markdown or HTML file, titled after the file, through the
 * document API; returns its id. Throws an Error that says what went wrong.
 */
export async function importDocument(file: File): Promise<string> {
  const [, name = file.name, extension = ""] = /^(.*)\.([^.]+)$/.exec(file.name) ?? [];
  const mediaType = MEDIA_TYPES[extension.toLowerCase()];
  if (!mediaType) throw new Error(`${file.name} is not a Markdown (.md) or HTML (.html) file`);
  const docId = newDocId();
  const url = `${documentApiPath(docId)}?title=${encodeURIComponent(name)}`;
  const response = await fetch(url, { method: "PUT", headers: { "Content-Type": mediaType }, body: file });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
  }
  return docId;
}

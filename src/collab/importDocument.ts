import { documentApiPath } from "../../party/shared/roomName";
import { createDocument, keyHeaders } from "./documentAccess";
import { responseError } from "./responseError";

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
 * document API; returns its id and edit key. Throws an Error that says what went wrong.
 */
export async function importDocument(file: File): Promise<{ docId: string; key: string }> {
  const [, name = file.name, extension = ""] = /^(.*)\.([^.]+)$/.exec(file.name) ?? [];
  const mediaType = MEDIA_TYPES[extension.toLowerCase()];
  if (!mediaType) throw new Error(`${file.name} is not a Markdown (.md) or HTML (.html) file`);
  const created = await createDocument();
  const url = `${documentApiPath(created.docId)}?title=${encodeURIComponent(name)}`;
  const headers = { ...keyHeaders(created.key), "Content-Type": mediaType };
  const response = await fetch(url, { method: "PUT", headers, body: file });
  if (!response.ok) throw new Error(await responseError(response));
  return created;
}

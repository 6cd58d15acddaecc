import { documentApiPath } from "../party/shared/roomName";

/** Replaces a document's text with Markdown through the HTTP API (`?author=` to name who wrote it). */
export async function putMarkdown(baseUrl: string, docId: string, markdown: string, query = ""): Promise<void> {
  const url = `${baseUrl}${documentApiPath(docId)}${query}`;
  const response = await fetch(url, { method: "PUT", headers: { "Content-Type": "text/markdown" }, body: markdown });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status} ${await response.text()}`);
}

import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { type BenchClient, connect, newParagraph } from "./benchClient";
import type { BenchServer } from "./servers";

// A collaborator's paragraph is emptied once this long, so the document keeps about its size.
const MAX_PARAGRAPH = 300;

/** Someone typing elsewhere in the document: a headless client with a paragraph and a caret of its own. */
export interface Collaborator {
  client: BenchClient;
  text: Y.XmlText;
}

/** Joins the document as "Writer `index`", with a new paragraph of their own in the middle of it. */
export async function joinAsCollaborator(server: BenchServer, docId: string, index: number): Promise<Collaborator> {
  const client = await connect(server, docId);
  const body = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const paragraph = newParagraph(`Writer ${index}: `);
  body.insert(Math.floor(body.length / 2), [paragraph]);
  client.provider.awareness.setLocalStateField("user", { name: `Writer ${index}`, color: "#2a7ab0" });
  return { client, text: paragraph.get(0) as Y.XmlText };
}

/** Types a key at the end of the collaborator's paragraph and moves their caret there, as the editor would. */
export function typeKey({ text, client }: Collaborator): void {
  if (text.length > MAX_PARAGRAPH) text.delete(0, text.length);
  text.insert(text.length, "w ");
  const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
  client.provider.awareness.setLocalStateField("cursor", { anchor: caret, head: caret });
}

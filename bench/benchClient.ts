import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import type { BenchServer } from "./servers";
import { untilDocument } from "../e2e/untilDocument";

/** A headless Yjs client: the standard y-websocket provider, the same against every server. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** From now on a lost connection stays lost, so this copy cannot reach a restarted server. */
  stopReconnecting(): void;
  close(): void;
}

/** Connects to a document and resolves once the first sync is done. */
export async function connect(server: BenchServer, docId: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, server.room(docId), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  return {
    doc,
    provider,
    stopReconnecting: () => {
      provider.shouldConnect = false;
    },
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * The text of the document's first paragraph, as the editor keeps it (the server refuses what
 * its schema cannot show, so the benchmarks write what the editor writes); made when missing.
 */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  const first = body.get(0);
  if (first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText) return first.get(0) as Y.XmlText;
  const paragraph = newParagraph();
  body.insert(0, [paragraph]);
  return paragraph.get(0) as Y.XmlText;
}

/** An empty paragraph of the editor's, with the text it writes into. */
export function newParagraph(text = ""): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** Resolves once the document has the paragraph that `paragraphText` makes. */
export function paragraphArrived(doc: Y.Doc): Promise<void> {
  return untilDocument(doc, () => doc.getXmlFragment(DOCUMENT_FIELD).length > 0);
}

/** What the first paragraph says, or "" while the document has none. */
export function readParagraph(doc: Y.Doc): string {
  const first = doc.getXmlFragment(DOCUMENT_FIELD).get(0);
  const text = first instanceof Y.XmlElement ? first.get(0) : null;
  return text instanceof Y.XmlText ? text.toString() : "";
}

import YPartyKitProvider from "y-partykit/provider";
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { DOCUMENT_FIELD, DOCUMENT_PARTY } from "../party/shared/collabSchema";
import { docRoomName } from "../party/shared/roomName";

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

function partyUrl(baseURL: string): string {
  return `${baseURL.replace(/^http/, "ws")}/parties/${DOCUMENT_PARTY}`;
}

export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider | YPartyKitProvider;
  /** The document body, as TipTap keeps it. */
  body: Y.XmlFragment;
  /** Appends a paragraph of text to the body. */
  write: (text: string) => void;
  close: () => void;
}

function asClient(doc: Y.Doc, provider: WebsocketProvider | YPartyKitProvider): YjsClient {
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  return {
    doc,
    provider,
    body,
    write: (text) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      body.push([paragraph]);
    },
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A plain Yjs client, y-websocket's provider, as another tool would join a document. */
export function connectYjsClient(baseURL: string, docId: string, doc = new Y.Doc()): YjsClient {
  const provider = new WebsocketProvider(partyUrl(baseURL), docRoomName(docId), doc, {
    WebSocketPolyfill,
    disableBc: true,
  });
  return asClient(doc, provider);
}

/** The provider the app itself uses, from Node (it splits messages over 1 MB into chunks). */
export function connectPartyKitClient(baseURL: string, docId: string, doc = new Y.Doc()): YjsClient {
  const host = baseURL.replace(/^https?:\/\//, "");
  const provider = new YPartyKitProvider(host, docRoomName(docId), doc, {
    party: DOCUMENT_PARTY,
    protocol: "ws",
    WebSocketPolyfill,
    disableBc: true,
  });
  return asClient(doc, provider);
}

/** A bare socket to a document room, for sending frames no well-behaved client would. */
export async function openRawSocket(baseURL: string, docId: string): Promise<RawSocket> {
  const socket = new WebSocket(`${partyUrl(baseURL)}/${docRoomName(docId)}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, closed };
}

export interface RawSocket {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

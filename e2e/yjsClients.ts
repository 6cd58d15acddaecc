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

/** A paragraph as the editor keeps it: an element holding one run of text, with formatting if given. */
export function paragraphOf(text: string, marks?: Record<string, unknown>): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  const run = new Y.XmlText();
  paragraph.insert(0, [run]);
  run.insert(0, text, marks);
  return paragraph;
}

function asClient(doc: Y.Doc, provider: WebsocketProvider | YPartyKitProvider): YjsClient {
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  return {
    doc,
    provider,
    body,
    write: (text) => body.push([paragraphOf(text)]),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A plain Yjs client, y-websocket's provider, as another tool would join a document; `params` go in its URL. */
export function connectYjsClient(
  baseURL: string,
  docId: string,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): YjsClient {
  const provider = new WebsocketProvider(partyUrl(baseURL), docRoomName(docId), doc, {
    WebSocketPolyfill,
    disableBc: true,
    params,
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
export async function openRawSocket(baseURL: string, docId: string, query = ""): Promise<RawSocket> {
  const socket = new WebSocket(`${partyUrl(baseURL)}/${docRoomName(docId)}${query}`);
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

/** Resolves once the client has the server's document. */
export function synced(client: YjsClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.provider.synced) resolve();
    else client.provider.once("sync", () => resolve());
  });
}

/** Resolves with the first close the server gives the client other than a normal one. */
export function refusalOf(client: YjsClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    client.provider.on("connection-close", (event: { code: number; reason: string } | null) => {
      if (event && event.code !== 1000) resolve({ code: event.code, reason: event.reason });
    }),
  );
}

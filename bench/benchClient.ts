import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import type { BenchServer } from "./servers";

/** A headless Yjs client: the standard y-websocket provider, the same against every server. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
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
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `ready` holds for the doc, checking after each change. */
export function until(doc: Y.Doc, ready: () => boolean): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return;
      doc.off("update", check);
      resolve();
    };
    doc.on("update", check);
  });
}

import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { connectYjsClient, synced, type YjsClient } from "./yjsClients";

/**
 * A plain Yjs client that keeps its document across server restarts: `leave` drops the
 * connection, `rejoin` opens a new one for the same document, and Yjs's sync then sends
 * the server whatever it lacks.
 */
export class RejoiningClient {
  readonly doc = new Y.Doc();
  private client: YjsClient | null = null;

  constructor(
    private readonly serverUrl: string,
    private readonly docId: string,
  ) {}

  /** The document body, as TipTap keeps it. */
  get body(): Y.XmlFragment {
    return this.doc.getXmlFragment(DOCUMENT_FIELD);
  }

  /** Connects; resolves once synced with the server. */
  rejoin(): Promise<void> {
    this.leave();
    const client = connectYjsClient(this.serverUrl, this.docId, this.doc);
    this.client = client;
    return synced(client);
  }

  leave(): void {
    this.client?.provider.destroy();
    this.client = null;
  }

  close(): void {
    this.leave();
    this.doc.destroy();
  }
}

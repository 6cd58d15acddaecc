import type * as Y from "yjs";
import { isUpdateMessage } from "./inspectMessage";

// Yjs providers (y-partykit's, y-websocket's) take a socket that brought nothing binary for 30 s
// for a dead one and connect again; the heartbeat's pings are text. Someone alone in a document
// is sent nothing but echoes of their own, so one still goes out after this long a silence.
const ECHO_AFTER_SILENCE_MS = 10_000;

const latestOrigins = new WeakMap<Y.Doc, { origin: unknown }>();

/**
 * Reads the origin of the document's latest transaction, as y-partykit sends that transaction's
 * update out: Yjs ends a transaction, then emits its update, which y-partykit sends from its
 * listener to every connection.
 */
function trackTransactionOrigin(doc: Y.Doc): () => unknown {
  let latest = latestOrigins.get(doc);
  if (!latest) {
    const entry = { origin: undefined as unknown };
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      entry.origin = transaction.origin;
    });
    latestOrigins.set(doc, entry);
    latest = entry;
  }
  const read = latest;
  return () => read.origin;
}

/**
 * What one connection is not sent back of its own: the changes it made, and its own presence
 * (not a removal of it, which tells its client to announce itself again). y-partykit sends both
 * to every connection, their sender's too. An echo still goes out once the connection has been
 * sent nothing for a while, so that its client does not take the quiet for a dead socket.
 */
export class Echoes {
  private lastSent = Date.now();
  private readonly latestOrigin: () => unknown;

  constructor(
    doc: Y.Doc,
    /** The connection as y-partykit knows it: the origin of its changes' transactions. */
    private readonly connection: unknown,
    private readonly speaksFor: (clientId: number) => boolean,
  ) {
    this.latestOrigin = trackTransactionOrigin(doc);
  }

  /** Tells that a binary message went out to the connection. */
  sent(): void {
    this.lastSent = Date.now();
  }

  /** Whether a message about to go out is the connection's own change coming back, to be left out. */
  isOwnChange(message: Uint8Array): boolean {
    return isUpdateMessage(message) && this.latestOrigin() === this.connection && !this.silent();
  }

  /** Whether a presence state about to go out is the connection's own, to be left out. */
  isOwnState(clientId: number, json: string): boolean {
    return json !== "null" && this.speaksFor(clientId) && !this.silent();
  }

  private silent(): boolean {
    return Date.now() - this.lastSent >= ECHO_AFTER_SILENCE_MS;
  }
}

import { IndexeddbPersistence } from "y-indexeddb";
import YPartyKitProvider from "y-partykit/provider";
import * as Y from "yjs";
import { API_CHANGES_PARAM } from "../../party/shared/apiChangeMessage";
import { CLIENT_KEY_PARAM } from "../../party/shared/awarenessState";
import { DOCUMENT_PARTY } from "../../party/shared/collabSchema";
import { HEARTBEAT_PARAM } from "../../party/shared/heartbeat";
import { docRoomName } from "../../party/shared/roomName";
import { ConnectionTracker } from "./connectionTracker";
import { dropInvalidAwareness } from "./dropInvalidAwareness";
import { HeartbeatSocket } from "./heartbeatSocket";
import { keepPresenceAcrossReconnects } from "./presenceAcrossReconnects";
import { addReconnectJitter } from "./reconnectJitter";

/** An open document: its Yjs doc, the one provider that syncs it with the room, and its copy on this device. */
export interface DocumentSession {
  docId: string;
  doc: Y.Doc;
  provider: YPartyKitProvider;
  connection: ConnectionTracker;
  deviceCopy: IndexeddbPersistence;
}

interface OpenSession {
  session: DocumentSession;
  leases: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
}

const openSessions = new Map<string, OpenSession>();

function newClientKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function openSession(docId: string): DocumentSession {
  const doc = new Y.Doc();
  // Kept in IndexedDB too: a document opened before shows at once, even offline,
  // and edits made offline survive reloads until the server has them.
  const deviceCopy = new IndexeddbPersistence(`cowrite:${docRoomName(docId)}`, doc);
  // The page's own host, so one build works on localhost and when deployed.
  const provider = new YPartyKitProvider(window.location.host, docRoomName(docId), doc, {
    party: DOCUMENT_PARTY,
    protocol: window.location.protocol === "https:" ? "wss" : "ws",
    // The key lets this tab, and only it, take back its presence when it reconnects.
    params: { [API_CHANGES_PARAM]: "1", [CLIENT_KEY_PARAM]: newClientKey(), [HEARTBEAT_PARAM]: "1" },
    // A new socket for every reconnect, each answering the heartbeat.
    WebSocketPolyfill: HeartbeatSocket,
  });
  dropInvalidAwareness(provider.awareness);
  addReconnectJitter(provider);
  keepPresenceAcrossReconnects(provider);
  return { docId, doc, provider, connection: new ConnectionTracker(provider), deviceCopy };
}

function closeSession({ doc, provider, deviceCopy }: DocumentSession): void {
  provider.destroy();
  void deviceCopy.destroy();
  doc.destroy();
}

/**
 * Drops this device's unsaved changes to a document, for when the server has refused them
 * for good, and reloads it as the server has it.
 */
export async function discardUnsavedChanges({ provider, deviceCopy }: DocumentSession): Promise<void> {
  provider.disconnect();
  await deviceCopy.clearData();
  window.location.reload();
}

/** The open session for a document, if anyone holds it. */
export function peekDocumentSession(docId: string): DocumentSession | null {
  return openSessions.get(docId)?.session ?? null;
}

/**
 * Opens the one session for a document, or takes another lease on it; returns the release.
 * Closing is deferred a tick, so React StrictMode's unmount-and-remount reuses
 * the session instead of opening a second provider.
 */
export function acquireDocumentSession(docId: string): () => void {
  let open = openSessions.get(docId);
  if (!open) {
    open = { session: openSession(docId), leases: 0, closeTimer: undefined };
    openSessions.set(docId, open);
  }
  clearTimeout(open.closeTimer);
  open.leases += 1;
  const lease = open;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lease.leases -= 1;
    if (lease.leases > 0) return;
    lease.closeTimer = setTimeout(() => {
      openSessions.delete(docId);
      closeSession(lease.session);
    });
  };
}

import YPartyKitProvider from "y-partykit/provider";
import * as Y from "yjs";
import { API_CHANGES_PARAM } from "../../party/shared/apiChangeMessage";
import { CLIENT_KEY_PARAM } from "../../party/shared/awarenessState";
import { DOCUMENT_PARTY } from "../../party/shared/collabSchema";
import { HEARTBEAT_PARAM } from "../../party/shared/heartbeat";
import { CloseReason } from "../../party/shared/closeCodes";
import { KEY_PARAM, KEY_PATTERN } from "../../party/shared/roles";
import { docRoomName } from "../../party/shared/roomName";
import { WRITER_KEY_PARAM } from "../../party/shared/writerKey";
import { docPath } from "../docPath";
import { writerKey } from "../identity/writerKey";
import { forgetLink, lastKnownRole } from "../home/recentDocuments";
import { ConnectionTracker } from "./connectionTracker";
import { DeviceCopy } from "./deviceCopy";
import { fetchAccess, resetAccess } from "./documentAccess";
import { dropInvalidAwareness } from "./dropInvalidAwareness";
import { HeartbeatSocket } from "./heartbeatSocket";
import { sendOwnPresenceOnly } from "./ownPresenceOnly";
import { keepPresenceAcrossReconnects } from "./presenceAcrossReconnects";
import { addReconnectJitter } from "./reconnectJitter";
import { type PageAccess, SessionAccess } from "./sessionAccess";

/** An open document: its Yjs doc, the one provider that syncs it with the room, and its copy on this device. */
export interface DocumentSession {
  docId: string;
  doc: Y.Doc;
  provider: YPartyKitProvider;
  connection: ConnectionTracker;
  deviceCopy: DeviceCopy;
  access: SessionAccess;
  /** The query the provider connects with; its key changes when this tab resets the links. */
  params: Record<string, string>;
}

/** A document being opened: first its access is asked, then it opens, unless the link opens nothing. */
export type OpeningDocument =
  { kind: "opening" } | { kind: "open"; session: DocumentSession } | { kind: "refused"; reason: string };

interface OpenSession {
  state: OpeningDocument;
  leases: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
  listeners: Set<() => void>;
}

const OPENING: OpeningDocument = { kind: "opening" };
// Past this, the page connects without its device copy (IndexedDB may be refused or stuck).
const DEVICE_COPY_WAIT_MS = 1000;
const openSessions = new Map<string, OpenSession>();

function newClientKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** What the page may do: as the server says, or, when it cannot be asked, as this browser last knew. */
async function pageAccess(docId: string, key: string | null): Promise<PageAccess | { refused: string }> {
  // A key mangled on its way (a space, a word pasted after it) could not even go in a header.
  if (key !== null && !KEY_PATTERN.test(key)) return { refused: CloseReason.keyRefused };
  const answer = await fetchAccess(docId, key);
  if (answer.kind === "refused") {
    forgetLink(docId, key);
    return { refused: answer.reason };
  }
  if (answer.kind === "granted") return { ...answer.grant, key, confirmed: true };
  // Unknown links open read-only until the server can tell: edits it would refuse are never made.
  const role = lastKnownRole(docId, key) ?? (key === null ? "edit" : "view");
  return { role, key, keys: null, confirmed: false };
}

function openSession(docId: string, access: PageAccess): DocumentSession {
  const doc = new Y.Doc();
  const editing = access.role === "edit";
  const params: Record<string, string> = {
    // The key lets this tab, and only it, take back its presence when it reconnects.
    [CLIENT_KEY_PARAM]: newClientKey(),
    [HEARTBEAT_PARAM]: "1",
    ...(editing ? { [API_CHANGES_PARAM]: "1", [WRITER_KEY_PARAM]: writerKey() } : {}),
    ...(access.key === null ? {} : { [KEY_PARAM]: access.key }),
  };
  // The page's own host, so one build works on localhost and when deployed.
  const provider = new YPartyKitProvider(window.location.host, docRoomName(docId), doc, {
    party: DOCUMENT_PARTY,
    protocol: window.location.protocol === "https:" ? "wss" : "ws",
    params,
    // A new socket for every reconnect, each answering the heartbeat.
    WebSocketPolyfill: HeartbeatSocket,
    // Tabs of one browser otherwise share changes directly: a read-only page must not pass any on.
    disableBc: !editing,
    connect: false,
  });
  // Kept in IndexedDB too: a document opened before shows at once, even offline, and edits made
  // offline survive reloads until the server has them. A read-only page keeps a copy of its own,
  // so that nothing it holds can reach the room through an editing tab's copy.
  const deviceCopy = new DeviceCopy(`cowrite:${editing ? "" : "readonly:"}${docRoomName(docId)}`, doc, provider);
  // Connecting once the device copy is in asks the server only for what the copy lacks: before,
  // the page asks with an empty state and gets the whole document again, to decode and skip.
  const waited = new Promise((resolve) => setTimeout(resolve, DEVICE_COPY_WAIT_MS));
  void Promise.race([deviceCopy.whenSynced, waited]).then(() => {
    if (!doc.isDestroyed) void provider.connect();
  });
  dropInvalidAwareness(provider.awareness);
  sendOwnPresenceOnly(provider);
  addReconnectJitter(provider);
  keepPresenceAcrossReconnects(provider);
  const connection = new ConnectionTracker(provider);
  return { docId, doc, provider, connection, deviceCopy, access: new SessionAccess(access), params };
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

/**
 * Replaces the document's share links: everyone else with an old link loses access at once,
 * while this tab keeps its connection and goes on with the new edit link.
 */
export async function resetLinks(session: DocumentSession): Promise<void> {
  const { docId, provider, params, access } = session;
  const keys = await resetAccess(docId, access.current().key, params[CLIENT_KEY_PARAM] ?? null);
  // The provider reconnects to `url`, and builds it again from `params` when told to connect.
  params[KEY_PARAM] = keys.edit;
  const url = new URL(provider.url);
  url.searchParams.set(KEY_PARAM, keys.edit);
  provider.url = url.toString();
  access.replace({ role: "edit", key: keys.edit, keys, confirmed: true });
  window.history.replaceState(null, "", docPath(docId, keys.edit));
}

/** The document as the page should show it now: opening, open or refused. */
export function peekDocumentSession(docId: string): OpeningDocument {
  return openSessions.get(docId)?.state ?? OPENING;
}

/**
 * Opens the one session for a document, or takes another lease on it; returns the release.
 * `onChange` hears when it has opened. Closing is deferred a tick, so React StrictMode's
 * unmount-and-remount reuses the session instead of opening a second provider.
 */
export function acquireDocumentSession(docId: string, key: string | null, onChange: () => void): () => void {
  let open = openSessions.get(docId);
  if (!open) {
    const opening: OpenSession = { state: OPENING, leases: 0, closeTimer: undefined, listeners: new Set() };
    openSessions.set(docId, opening);
    void pageAccess(docId, key).then((access) => {
      // Released while its access was asked: nobody wants it any more.
      if (openSessions.get(docId) !== opening) return;
      opening.state =
        "refused" in access
          ? { kind: "refused", reason: access.refused }
          : { kind: "open", session: openSession(docId, access) };
      for (const listener of opening.listeners) listener();
    });
    open = opening;
  }
  clearTimeout(open.closeTimer);
  open.leases += 1;
  open.listeners.add(onChange);
  const lease = open;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lease.listeners.delete(onChange);
    lease.leases -= 1;
    if (lease.leases > 0) return;
    lease.closeTimer = setTimeout(() => {
      openSessions.delete(docId);
      if (lease.state.kind === "open") closeSession(lease.state.session);
    });
  };
}

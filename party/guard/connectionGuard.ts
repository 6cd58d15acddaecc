import type * as Party from "partykit/server";
import { concatBytes } from "../concatBytes";
import type { Limits } from "../limits";
import type { DocumentAccess } from "../access/documentAccess";
import type { DocumentHistory } from "../history/documentHistory";
import { personInAwareness } from "../history/personInAwareness";
import type { RoomDocument, SharedDocument } from "../roomDocument";
import { stampRole } from "../access/stampRole";
import { clientKeyIn } from "../clientKey";
import { awarenessStateProblem } from "../shared/awarenessState";
import { CloseCode, CloseReason } from "../shared/closeCodes";
import { HEARTBEAT_PARAM, HEARTBEAT_PING, HEARTBEAT_PONG } from "../shared/heartbeat";
import type { Role } from "../shared/roles";
import { type AwarenessEntry, encodeAwarenessMessage } from "./awarenessEntries";
import type { AwarenessOwners, AwarenessSpeaker } from "./awarenessOwners";
import { AwarenessThrottle } from "./awarenessThrottle";
import { type BatchMarker, parseBatchMarker } from "./batchMarker";
import type { ChunkBudget } from "./chunkBudget";
import { fitsInDocument } from "./documentSize";
import { Echoes } from "./echoes";
import type { Heartbeat, HeartbeatPeer, HeartbeatWatch } from "./heartbeatWatch";
import { type DecodedUpdate, inspectMessage } from "./inspectMessage";
import { newStructClients } from "./newStructClients";
import type { PresenceFanOut } from "./presenceFanOut";
import { checkUpdate } from "./updateCheck";
import type { Writer } from "../history/authorTable";
import { writerOf } from "../history/writerOf";

type Deliver = (message: Uint8Array) => void;

interface OpenBatch {
  marker: BatchMarker;
  /** The chunks kept; a reader's are only counted (see receiveChunk). */
  chunks: Uint8Array[];
  received: number;
  bytes: number;
}

// A WebSocket close reason may carry at most 123 bytes.
const MAX_REASON_BYTES = 123;
// y-partykit's providers split messages into chunks of 1,000,000 bytes.
const CHUNK_BYTES = 1_000_000;
// A state request makes the server encode the whole document: a client needs one per
// connection, so more than one a second is dropped rather than answered.
const QUERY_INTERVAL_MS = 1000;

function cutToBytes(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  return new TextDecoder().decode(bytes.slice(0, maxBytes)).replace(/\uFFFD$/, "");
}

/** What a room shares among the guards of its connections. */
export interface RoomGuards {
  limits: Limits;
  chunkBudget: ChunkBudget;
  awarenessOwners: AwarenessOwners;
  presence: PresenceFanOut;
  heartbeats: HeartbeatWatch;
  history: DocumentHistory;
  access: DocumentAccess;
}

/**
 * Everything one connection sends passes here before y-partykit sees it. Only whole,
 * well-formed Yjs messages within the limits, whose meaning the document's schema allows,
 * get through; anything else closes the connection with a reason, and nothing of it reaches
 * the document. Chunked messages are reassembled here, within bounds, so y-partykit only
 * ever gets whole binary messages. Awareness is passed on only for the client ids this
 * connection owns, marked with the connection's role. Only an editor's changes reach the
 * document. A connection that asked for the heartbeat is closed once it falls silent.
 */
class MessageGuard implements AwarenessSpeaker, HeartbeatPeer {
  private batch: OpenBatch | undefined;
  private stopped = false;
  private lastQuery = Number.NEGATIVE_INFINITY;
  private readonly awareness: AwarenessThrottle;
  private readonly limits: Limits;
  private readonly heartbeat: Heartbeat | undefined;
  readonly key: string | null;
  readonly owned = new Set<number>();
  readonly since: number;

  constructor(
    private readonly connection: Party.Connection,
    /** The connection as y-partykit knows it. */
    private readonly shared: Party.Connection,
    private readonly doc: SharedDocument,
    private readonly room: RoomGuards,
    private readonly role: Role,
    readonly writer: Writer,
    private readonly deliver: Deliver,
    /** Tells y-partykit the connection is gone, so it sends nothing more to a closing socket. */
    private readonly forget: () => void,
  ) {
    this.limits = room.limits;
    this.key = clientKeyIn(connection.uri);
    this.since = room.awarenessOwners.arrival();
    this.awareness = new AwarenessThrottle(this.limits.awarenessIntervalMs, (entries) =>
      deliver(encodeAwarenessMessage(entries)),
    );
    this.heartbeat =
      new URL(connection.uri).searchParams.get(HEARTBEAT_PARAM) === "1" ? room.heartbeats.watch(this) : undefined;
  }

  receive(data: unknown): void {
    this.heartbeat?.heard();
    try {
      this.receiveFrame(data);
    } catch (error) {
      // A bug of ours met by one frame stays with its sender; the room goes on for everyone else.
      console.error(`Connection ${this.connection.id}: a frame could not be handled`, error);
      this.refuse(CloseCode.internalError, "The server could not handle this message");
    }
  }

  private receiveFrame(data: unknown): void {
    if (this.stopped) return;
    if (typeof data === "string") return this.receiveText(data);
    if (!(data instanceof ArrayBuffer)) return this.refuse(CloseCode.unsupportedData, "Unsupported frame");
    if (data.byteLength > this.limits.maxFrameBytes) {
      return this.refuse(CloseCode.messageTooBig, `Frame over the limit of ${this.limits.maxFrameBytes} bytes`);
    }
    const bytes = new Uint8Array(data);
    if (this.batch) return this.receiveChunk(this.batch, bytes);
    this.receiveMessage(bytes);
  }

  disown(clientId: number): void {
    this.owned.delete(clientId);
    // Nor does a state it was holding back go out: the id speaks through the new connection now.
    this.awareness.drop(clientId);
    // Else y-partykit would remove the id's state, now the new connection's, when this one closes.
    this.doc.conns.get(this.shared)?.delete(clientId);
  }

  private claim(clientId: number): boolean {
    if (!this.room.awarenessOwners.claim(this, clientId)) return false;
    // y-partykit counts an id as a connection's only when its state is new to the room. One taken
    // over from this tab's older socket is not: its state would outlive this connection by 30 s.
    this.doc.conns.get(this.shared)?.add(clientId);
    return true;
  }

  ping(): void {
    // y-partykit closes a socket whose send failed without telling us; the silence limit drops it.
    if (this.connection.readyState === WebSocket.OPEN) this.connection.send(HEARTBEAT_PING);
  }

  /** The links were reset: nothing more from this connection, whether or not its peer answers the close. */
  revoke(): void {
    this.refuse(CloseCode.linksReset, CloseReason.linksReset);
  }

  drop(): void {
    this.refuse(CloseCode.silent, `Nothing received for over ${this.limits.heartbeatDropMs} ms, not even a pong`);
  }

  stop(): void {
    if (!this.stopped) this.room.history.forget(this.shared);
    this.stopped = true;
    this.heartbeat?.stop();
    this.dropBatch();
    this.awareness.stop();
    this.room.awarenessOwners.release(this);
  }

  private dropBatch(): OpenBatch | undefined {
    const batch = this.batch;
    if (batch && this.role === "edit") this.room.chunkBudget.give(batch.bytes);
    this.batch = undefined;
    return batch;
  }

  private receiveText(text: string): void {
    if (this.heartbeat && text === HEARTBEAT_PONG) return;
    const marker = parseBatchMarker(text);
    if (!marker) return this.refuse(CloseCode.unsupportedData, "Text frames are not part of the sync protocol");
    if (marker.type === "start") {
      if (this.batch) return this.refuse(CloseCode.malformedMessage, "A chunked message started inside another");
      if (marker.size > this.limits.maxDocumentBytes) return this.refuseDocumentTooLarge();
      if (marker.count < 1 || marker.count > Math.ceil(marker.size / CHUNK_BYTES) + 1) {
        return this.refuse(CloseCode.malformedMessage, "A chunked message declared an impossible chunk count");
      }
      this.batch = { marker, chunks: [], received: 0, bytes: 0 };
      return;
    }
    const batch = this.dropBatch();
    if (
      !batch ||
      batch.marker.id !== marker.id ||
      batch.received !== batch.marker.count ||
      batch.bytes !== batch.marker.size
    ) {
      return this.refuse(CloseCode.malformedMessage, "A chunked message did not add up");
    }
    if (this.role === "edit") this.receiveMessage(concatBytes(batch.chunks));
  }

  private receiveChunk(batch: OpenBatch, chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return this.refuse(CloseCode.malformedMessage, "An empty chunk");
    // Only a document update is ever this large, and a reader's are dropped: its chunks are
    // counted, not kept, so readers cannot fill the room's budget and hold up editors' pastes.
    if (this.role === "edit") {
      if (!this.room.chunkBudget.take(chunk.byteLength)) {
        return this.refuse(CloseCode.tryAgainLater, "The room is receiving too many large messages; try again shortly");
      }
      batch.chunks.push(chunk);
    }
    batch.received++;
    batch.bytes += chunk.byteLength;
    if (batch.bytes > batch.marker.size || batch.received > batch.marker.count) {
      this.refuse(CloseCode.malformedMessage, "A chunked message ran over its declared size");
    }
  }

  private receiveMessage(message: Uint8Array): void {
    const verdict = inspectMessage(message);
    switch (verdict.kind) {
      case "invalid":
        return this.refuse(CloseCode.malformedMessage, `Malformed message: ${verdict.reason}`);
      case "update":
        // Dropped, not refused: a reader's provider sends what its own copy holds on every connect.
        if (this.role !== "edit") return;
        return this.receiveUpdate(message, verdict.update, verdict.decoded);
      case "awareness":
        return this.receiveAwareness(verdict.entries);
      case "query":
        if (Date.now() - this.lastQuery < QUERY_INTERVAL_MS) return;
        this.lastQuery = Date.now();
        return this.deliver(message);
    }
  }

  private receiveUpdate(message: Uint8Array, update: Uint8Array, decoded: DecodedUpdate): void {
    const verdict = checkUpdate(this.doc, decoded, update.byteLength);
    switch (verdict.kind) {
      case "invalid":
        return this.refuse(CloseCode.malformedMessage, `Invalid change: ${verdict.reason}`);
      case "unknown-parent":
        return this.refuse(CloseCode.outOfSync, "The change builds on changes the server does not have; sync again");
      case "valid":
        if (!fitsInDocument(this.doc, verdict.growthBound, this.limits.maxDocumentBytes)) {
          return this.refuseDocumentTooLarge();
        }
        return this.receiveValidUpdate(message, decoded);
    }
  }

  /** The last check, so only a change that is applied claims its client ids. */
  private receiveValidUpdate(message: Uint8Array, decoded: DecodedUpdate): void {
    const clients = newStructClients(this.doc, decoded);
    if (clients === "gap") {
      return this.refuse(CloseCode.outOfSync, "The change skips changes the server does not have; sync again");
    }
    // An id someone else's connection speaks for in awareness is theirs, even before they write under it.
    const spoken = [...clients].find(
      (client) => (this.room.awarenessOwners.writerOf(client) ?? this.writer) !== this.writer,
    );
    const refusal =
      spoken === undefined
        ? this.room.history.claim(this.shared, this.writer, clients)
        : `Yjs client id ${spoken} belongs to another writer`;
    if (refusal) return this.refuse(CloseCode.foreignClientId, `${refusal}: this change was not applied`);
    this.deliver(message);
  }

  private receiveAwareness(entries: readonly AwarenessEntry[]): void {
    // A removal claims nothing: a free id has no state here to remove.
    const own = entries.filter(({ clientId, json }) =>
      json === "null" ? this.owned.has(clientId) : this.claim(clientId),
    );
    const stamped = own.map((entry) => ({ ...entry, json: stampRole(entry.json, this.role) }));
    for (const { json } of stamped) {
      const problem = awarenessStateProblem(json);
      if (problem) return this.refuse(CloseCode.malformedMessage, `Malformed message: ${problem}`);
    }
    if (stamped.length === 0) return;
    this.awareness.submit(stamped);
    const newest = stamped.at(-1);
    const person = newest && personInAwareness(newest.json, newest.clientId, this.role);
    if (person) this.room.history.identify(this.shared, person);
  }

  private refuseDocumentTooLarge(): void {
    this.refuse(
      CloseCode.documentTooLarge,
      `Document size limit reached (${this.limits.maxDocumentBytes} bytes): the change was not saved`,
    );
  }

  private refuse(code: number, reason: string): void {
    console.warn(`Closing connection ${this.connection.id} (${code}): ${reason}`);
    this.stop();
    this.connection.close(code, cutToBytes(reason, MAX_REASON_BYTES));
    this.forget();
  }
}

/**
 * Hands the connection to y-partykit with every incoming message guarded. The room's
 * document is open before y-partykit listens, so every message is checked against it.
 */
export async function connectGuarded(
  connection: Party.Connection,
  document: RoomDocument,
  room: RoomGuards,
  role: Role,
): Promise<void> {
  const doc = await document.open();
  // Every change is checked against who may write under its client ids.
  await room.history.ready();
  const writer = await writerOf(connection.uri);
  let deliver: Deliver = () => {};
  let forget = () => {};
  // y-partykit listens with plain functions and reads only `event.data`.
  const addEventListener = (type: string, listener: (event: unknown) => void) => {
    if (type === "close") forget = () => listener({});
    if (type !== "message") return connection.addEventListener(type as "close", listener);
    deliver = (message) => listener({ data: message });
    connection.addEventListener("message", (event) => guard.receive(event.data));
  };
  // A presence message held back may fall due after the socket closed, and goes out from a timer
  // with others': a failed send makes the room forget this connection, as y-partykit's own does.
  const outgoing = room.presence.outlet(
    (message) => {
      if (connection.readyState !== WebSocket.OPEN) return;
      try {
        connection.send(message);
        echoes.sent();
      } catch {
        // Its guard first: nothing it still takes in may reach a room that no longer knows it.
        guard.stop();
        forget();
      }
    },
    (entry) => echoes.isOwnState(entry.clientId, entry.json),
  );
  const send = (message: unknown) => {
    if (!(message instanceof Uint8Array)) return connection.send(message as string);
    if (!echoes.isOwnChange(message)) outgoing.send(message);
  };
  const guarded = new Proxy(connection, {
    get(target, property) {
      if (property === "addEventListener") return addEventListener;
      if (property === "send") return send;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const echoes = new Echoes(doc, guarded, (clientId) => guard.owned.has(clientId));
  const guard = new MessageGuard(
    connection,
    guarded,
    doc,
    room,
    role,
    writer,
    (message) => deliver(message),
    () => forget(),
  );
  room.access.onRevoke(connection, () => guard.revoke());
  // A reset while the document was opening found no guard to stop: stop it now.
  if (room.access.roleOf(connection) === undefined) return guard.revoke();
  // Before y-partykit's own close listener, which onConnect adds.
  connection.addEventListener("close", () => {
    guard.stop();
    outgoing.stop();
  });
  await document.connect(guarded);
}

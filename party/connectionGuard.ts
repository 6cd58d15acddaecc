import type * as Party from "partykit/server";
import type * as Y from "yjs";
import { AwarenessThrottle } from "./awarenessThrottle";
import type { ChunkBudget } from "./chunkBudget";
import { type BatchMarker, parseBatchMarker } from "./batchMarker";
import { concatBytes } from "./concatBytes";
import { fitsInDocument } from "./documentSize";
import { inspectMessage } from "./inspectMessage";
import type { Limits } from "./limits";
import type { RoomDocument } from "./roomDocument";
import { CloseCode } from "./shared/closeCodes";

type Deliver = (message: Uint8Array) => void;

interface OpenBatch {
  marker: BatchMarker;
  chunks: Uint8Array[];
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

/**
 * Everything one connection sends passes here before y-partykit sees it. Only whole,
 * well-formed Yjs messages within the limits get through; anything else closes the
 * connection with a reason, and nothing of it reaches the document. Chunked messages
 * are reassembled here, within bounds, so y-partykit only ever gets whole binary messages.
 */
class MessageGuard {
  private batch: OpenBatch | undefined;
  private stopped = false;
  private lastQuery = Number.NEGATIVE_INFINITY;
  private readonly awareness: AwarenessThrottle;
  /** The room's document, from the moment y-partykit has opened it for this connection. */
  doc: Y.Doc | undefined;

  constructor(
    private readonly connection: Party.Connection,
    private readonly limits: Limits,
    private readonly chunkBudget: ChunkBudget,
  ) {
    this.awareness = new AwarenessThrottle(limits.awarenessIntervalMs);
  }

  receive(data: unknown, deliver: Deliver): void {
    if (this.stopped) return;
    if (typeof data === "string") return this.receiveText(data, deliver);
    if (!(data instanceof ArrayBuffer)) return this.refuse(CloseCode.unsupportedData, "Unsupported frame");
    if (data.byteLength > this.limits.maxFrameBytes) {
      return this.refuse(CloseCode.messageTooBig, `Frame over the limit of ${this.limits.maxFrameBytes} bytes`);
    }
    const bytes = new Uint8Array(data);
    if (this.batch) return this.receiveChunk(this.batch, bytes);
    this.receiveMessage(bytes, deliver);
  }

  stop(): void {
    this.stopped = true;
    this.dropBatch();
    this.awareness.stop();
  }

  private dropBatch(): OpenBatch | undefined {
    const batch = this.batch;
    if (batch) this.chunkBudget.give(batch.bytes);
    this.batch = undefined;
    return batch;
  }

  private receiveText(text: string, deliver: Deliver): void {
    const marker = parseBatchMarker(text);
    if (!marker) return this.refuse(CloseCode.unsupportedData, "Text frames are not part of the sync protocol");
    if (marker.type === "start") {
      if (this.batch) return this.refuse(CloseCode.malformedMessage, "A chunked message started inside another");
      if (marker.size > this.limits.maxDocumentBytes) return this.refuseDocumentTooLarge();
      if (marker.count < 1 || marker.count > Math.ceil(marker.size / CHUNK_BYTES) + 1) {
        return this.refuse(CloseCode.malformedMessage, "A chunked message declared an impossible chunk count");
      }
      this.batch = { marker, chunks: [], bytes: 0 };
      return;
    }
    const batch = this.dropBatch();
    if (
      !batch ||
      batch.marker.id !== marker.id ||
      batch.chunks.length !== batch.marker.count ||
      batch.bytes !== batch.marker.size
    ) {
      return this.refuse(CloseCode.malformedMessage, "A chunked message did not add up");
    }
    this.receiveMessage(concatBytes(batch.chunks), deliver);
  }

  private receiveChunk(batch: OpenBatch, chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return this.refuse(CloseCode.malformedMessage, "An empty chunk");
    if (!this.chunkBudget.take(chunk.byteLength)) {
      return this.refuse(CloseCode.tryAgainLater, "The room is receiving too many large messages; try again shortly");
    }
    batch.chunks.push(chunk);
    batch.bytes += chunk.byteLength;
    if (batch.bytes > batch.marker.size || batch.chunks.length > batch.marker.count) {
      this.refuse(CloseCode.malformedMessage, "A chunked message ran over its declared size");
    }
  }

  private receiveMessage(message: Uint8Array, deliver: Deliver): void {
    const verdict = inspectMessage(message);
    switch (verdict.kind) {
      case "invalid":
        return this.refuse(CloseCode.malformedMessage, `Malformed message: ${verdict.reason}`);
      case "update":
        if (this.doc && !fitsInDocument(this.doc, verdict.updateBytes, this.limits.maxDocumentBytes)) {
          return this.refuseDocumentTooLarge();
        }
        return deliver(message);
      case "awareness":
        return this.awareness.submit(() => deliver(message));
      case "query":
        if (Date.now() - this.lastQuery < QUERY_INTERVAL_MS) return;
        this.lastQuery = Date.now();
        return deliver(message);
    }
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
  }
}

/**
 * Hands the connection to y-partykit with every incoming message guarded. The guard learns
 * the room's document once y-partykit has opened it, before any message can arrive: the
 * listeners are in place only when connecting resolves.
 */
export async function connectGuarded(
  connection: Party.Connection,
  document: RoomDocument,
  limits: Limits,
  chunkBudget: ChunkBudget,
): Promise<void> {
  const guard = new MessageGuard(connection, limits, chunkBudget);
  connection.addEventListener("close", () => guard.stop());

  // y-partykit listens with plain functions and reads only `event.data`.
  const addEventListener = (type: string, listener: (event: unknown) => void) => {
    if (type !== "message") return connection.addEventListener(type as "close", listener);
    connection.addEventListener("message", (event) =>
      guard.receive(event.data, (message) => listener({ data: message })),
    );
  };
  const guarded = new Proxy(connection, {
    get(target, property) {
      if (property === "addEventListener") return addEventListener;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  guard.doc = await document.connect(guarded);
}

import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { type AwarenessEntry, MESSAGE_AWARENESS, readAwarenessEntries } from "./awarenessEntries";

// The y-protocols message types a Yjs client sends.
const MESSAGE_SYNC = 0;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What a whole binary message from a client is, or why it is not one. */
export type MessageVerdict =
  | { kind: "update"; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: "awareness"; entries: AwarenessEntry[] }
  | { kind: "query" }
  | { kind: "invalid"; reason: string };

/** Whether a message is a document update as y-partykit sends one out (a sync update). */
export function isUpdateMessage(message: Uint8Array): boolean {
  return message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE;
}

function readAll<T>(decoder: decoding.Decoder, read: (decoder: decoding.Decoder) => T): T {
  const value = read(decoder);
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the message");
  return value;
}

function inspectSync(decoder: decoding.Decoder): MessageVerdict {
  const step = decoding.readVarUint(decoder);
  const payload = readAll(decoder, decoding.readVarUint8Array);
  if (step === SYNC_STEP_1) {
    Y.decodeStateVector(payload);
    return { kind: "query" };
  }
  if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
    // Parses the whole update without applying it: a truncated or garbled one throws here.
    return { kind: "update", update: payload, decoded: Y.decodeUpdate(payload) };
  }
  return { kind: "invalid", reason: `unknown sync step ${step}` };
}

function inspectAwareness(decoder: decoding.Decoder): MessageVerdict {
  return { kind: "awareness", entries: readAwarenessEntries(readAll(decoder, decoding.readVarUint8Array)) };
}

/**
 * Checks that a message is a well-formed Yjs sync or awareness message before anything is
 * applied: updates must parse as Yjs updates, awareness updates must be whole. A bad one can
 * then be refused without touching the document; what they mean is checked next.
 */
export function inspectMessage(message: Uint8Array): MessageVerdict {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) return inspectSync(decoder);
    if (type === MESSAGE_AWARENESS) return inspectAwareness(decoder);
    if (type === MESSAGE_QUERY_AWARENESS && !decoding.hasContent(decoder)) return { kind: "query" };
    return { kind: "invalid", reason: `unknown message type ${type}` };
  } catch (error) {
    return { kind: "invalid", reason: error instanceof Error ? error.message : String(error) };
  }
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { RawSocket } from "./yjsClients";

/** A y-protocols sync message: step 0 (state vector), 1 (reply) or 2 (update). */
export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A y-protocols awareness message setting each client's state (null removes it). */
export function awarenessMessage(...entries: [clientId: number, clock: number, state: unknown][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** The client ids an awareness message carries states for; none if it is another kind of message. */
export function awarenessClientIds(message: Uint8Array): number[] {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 1) return [];
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const clientIds: number[] = [];
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    clientIds.push(decoding.readVarUint(update));
    decoding.readVarUint(update);
    decoding.readVarString(update);
  }
  return clientIds;
}

/** Sends frames on one socket; resolves with the close if the server closed it, or null if it still answers. */
/** A little over the server's one answered state request a second per connection. */
export const QUERY_INTERVAL_MS = 1100;

export async function sendFrames(raw: RawSocket, frames: (Uint8Array | string)[]) {
  for (const frame of frames) raw.socket.send(frame);
  // A sync step 1 is always answered with a step 2: its answer shows the socket outlived every frame before it.
  let onMessage = (_data: Buffer) => {};
  const answered = new Promise<null>((resolve) => {
    onMessage = (data) => {
      if (data[0] === 0 && data[1] === 1) resolve(null);
    };
    raw.socket.on("message", onMessage);
  });
  const ask = () => raw.socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  ask();
  // The server answers one state request a second per connection and drops the rest: one that
  // arrives too soon after the last (a slow round under load) must be asked again.
  const askAgain = setInterval(ask, QUERY_INTERVAL_MS);
  const outcome = await Promise.race([raw.closed, answered]);
  clearInterval(askAgain);
  raw.socket.off("message", onMessage);
  return outcome;
}

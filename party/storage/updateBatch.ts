import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * One write of the log: the updates that arrived within it, each as it came. They are
 * joined rather than merged with Y.mergeUpdates, whose cost grows faster than the number
 * of updates; a fold merges them for good.
 */
export function encodeUpdateBatch(updates: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, updates.length);
  for (const update of updates) encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The updates of a batch; throws if the bytes are not one. */
export function decodeUpdateBatch(bytes: Uint8Array): Uint8Array[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  const updates: Uint8Array[] = [];
  for (let index = 0; index < count; index++) updates.push(decoding.readVarUint8Array(decoder));
  if (decoding.hasContent(decoder)) throw new Error("Bytes left over after the batch's updates");
  return updates;
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * A saved version as stored and as `GET ?version=<id>&yjs` serves it: the whole document (a
 * Yjs update) and, for each author who deleted something since the version before, what
 * they deleted (a Yjs snapshot with an empty state vector: its delete set). Together with
 * the record of who wrote with each client id, it answers who inserted and who deleted
 * every character.
 */
export interface VersionRecord {
  state: Uint8Array;
  /** Author key → encoded snapshot holding their deletions. */
  deletions: Map<string, Uint8Array>;
}

export function encodeVersionRecord({ state, deletions }: VersionRecord): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, state);
  encoding.writeVarUint(encoder, deletions.size);
  for (const [key, snapshot] of deletions) {
    encoding.writeVarString(encoder, key);
    encoding.writeVarUint8Array(encoder, snapshot);
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on bytes that are not a version record. */
export function decodeVersionRecord(bytes: Uint8Array): VersionRecord {
  const decoder = decoding.createDecoder(bytes);
  const state = decoding.readVarUint8Array(decoder);
  const deletions = new Map<string, Uint8Array>();
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    deletions.set(decoding.readVarString(decoder), decoding.readVarUint8Array(decoder));
  }
  return { state, deletions };
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

// y-protocols' message type for awareness.
export const MESSAGE_AWARENESS = 1;

/** One client's state in an awareness update, its JSON left as text until someone needs it. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/** The entries of an awareness update (y-protocols' encoding); throws when it is malformed. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  const count = decoding.readVarUint(decoder);
  for (let entry = 0; entry < count; entry++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    // JSON.parse reads " null" as null too: every removal is written one way, so each check sees it.
    entries.push({ clientId, clock, json: json.trim() === "null" ? "null" : json });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the awareness update");
  return entries;
}

/**
 * Adds entries to those held, one per client: each carries its client's whole state, so the
 * newest wins as y-protocols decides it: the higher clock, and at one clock a removal.
 */
export function holdNewest(held: Map<number, AwarenessEntry>, entries: Iterable<AwarenessEntry>): void {
  for (const entry of entries) {
    const older = held.get(entry.clientId);
    if (!older || older.clock < entry.clock || (older.clock === entry.clock && entry.json === "null")) {
      held.set(entry.clientId, entry);
    }
  }
}

/** A whole awareness message carrying these entries. */
export function encodeAwarenessMessage(entries: Iterable<AwarenessEntry>): Uint8Array {
  const update = encoding.createEncoder();
  const list = [...entries];
  encoding.writeVarUint(update, list.length);
  for (const { clientId, clock, json } of list) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, json);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

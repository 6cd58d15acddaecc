import * as Y from "yjs";
import type { DecodedUpdate } from "./inspectMessage";

/**
 * The client ids an update adds changes under that `doc` does not have yet (what is already
 * there, Yjs skips), or `gap` if it adds any past a clock the document has not reached: Yjs
 * would hold such changes back unseen, while they claimed their id.
 */
export function newStructClients(doc: Y.Doc, decoded: DecodedUpdate): Set<number> | "gap" {
  const clients = new Set<number>();
  const reach = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const reached = reach.get(client) ?? Y.getState(doc.store, client);
    if (clock > reached) return "gap";
    if (clock + struct.length > reached) {
      clients.add(client);
      reach.set(client, clock + struct.length);
    }
  }
  return clients;
}

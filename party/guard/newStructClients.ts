import * as Y from "yjs";
import type { DecodedUpdate } from "./inspectMessage";

/** The client ids an update adds changes under that `doc` does not have yet (what is already there, Yjs skips). */
export function newStructClients(doc: Y.Doc, decoded: DecodedUpdate): Set<number> {
  const clients = new Set<number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length > Y.getState(doc.store, client)) clients.add(client);
  }
  return clients;
}

import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, until } from "./benchClient";
import type { BenchServer } from "./servers";

export interface MemoryResult {
  idleBytes: number;
  loadedBytes: number;
}

/** Server memory idle, and with `rooms` rooms of `clientsPerRoom` clients that have each written a paragraph. */
export async function serverMemory(server: BenchServer, rooms: number, clientsPerRoom: number): Promise<MemoryResult> {
  const idleBytes = await server.memoryBytes();
  const clients: BenchClient[] = [];
  try {
    for (let room = 0; room < rooms; room++) {
      const docId = newDocId();
      const roomClients: BenchClient[] = [];
      for (let index = 0; index < clientsPerRoom; index++) roomClients.push(await connect(server, docId));
      for (const client of roomClients)
        client.doc
          .getText("t")
          .insert(
            0,
            "A paragraph of about a hundred characters, written by one of the people in this room. ".repeat(10),
          );
      const total = roomClients.reduce((sum, client) => sum + client.doc.getText("t").length, 0);
      await Promise.all(roomClients.map((client) => until(client.doc, () => client.doc.getText("t").length === total)));
      clients.push(...roomClients);
    }
    return { idleBytes, loadedBytes: await server.memoryBytes() };
  } finally {
    for (const client of clients) client.close();
  }
}

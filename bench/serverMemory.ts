import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, paragraphArrived, paragraphText, readParagraph } from "./benchClient";
import type { BenchServer } from "./servers";
import { untilDocument } from "../e2e/untilDocument";

export interface MemoryResult {
  idleBytes: number;
  loadedBytes: number;
  /** The same for the process that runs the rooms alone (workerd, for Cowrite). */
  idleRuntimeBytes: number;
  loadedRuntimeBytes: number;
}

/** Server memory idle, and with `rooms` rooms of `clientsPerRoom` clients that have each written a paragraph. */
export async function serverMemory(server: BenchServer, rooms: number, clientsPerRoom: number): Promise<MemoryResult> {
  const idleBytes = await server.memoryBytes();
  const idleRuntimeBytes = await server.runtimeMemoryBytes();
  const clients: BenchClient[] = [];
  try {
    for (let room = 0; room < rooms; room++) {
      const docId = newDocId();
      const roomClients: BenchClient[] = [];
      for (let index = 0; index < clientsPerRoom; index++) roomClients.push(await connect(server, docId));
      const paragraph = "A paragraph of about a hundred characters, written by one of the people in this room. ";
      // One paragraph, made by the first client; each then writes into it.
      paragraphText(roomClients[0]!.doc);
      await Promise.all(roomClients.map((client) => paragraphArrived(client.doc)));
      for (const client of roomClients) paragraphText(client.doc).insert(0, paragraph.repeat(10));
      const total = paragraph.length * 10 * roomClients.length;
      await Promise.all(
        roomClients.map((client) => untilDocument(client.doc, () => readParagraph(client.doc).length === total)),
      );
      clients.push(...roomClients);
    }
    return {
      idleBytes,
      loadedBytes: await server.memoryBytes(),
      idleRuntimeBytes,
      loadedRuntimeBytes: await server.runtimeMemoryBytes(),
    };
  } finally {
    for (const client of clients) client.close();
  }
}

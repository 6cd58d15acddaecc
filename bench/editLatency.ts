import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, until } from "./benchClient";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";

/**
 * One writer at a time makes a small edit; a sample is the time until every other client
 * has it. Writers take turns, so every client's edits are measured.
 */
export async function editLatency(server: BenchServer, editors: number, edits: number): Promise<Summary> {
  const docId = newDocId();
  const clients: BenchClient[] = [];
  for (let index = 0; index < editors; index++) clients.push(await connect(server, docId));
  const samples: number[] = [];
  try {
    for (let edit = 0; edit < edits; edit++) {
      const writer = clients[edit % editors] as BenchClient;
      const text = writer.doc.getText("t");
      const length = text.length + 1;
      const arrived = Promise.all(
        clients
          .filter((client) => client !== writer)
          .map((client) => until(client.doc, () => client.doc.getText("t").length >= length)),
      );
      const start = performance.now();
      text.insert(text.length, "x");
      await arrived;
      samples.push(performance.now() - start);
    }
  } finally {
    for (const client of clients) client.close();
  }
  return summarize(samples);
}

import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect } from "./benchClient";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";
import { timedEdits } from "./timedEdits";

/**
 * One writer at a time makes a small edit; a sample is the time until every other client
 * has it. Writers take turns, so every client's edits are measured.
 */
export async function editLatency(server: BenchServer, editors: number, edits: number): Promise<Summary> {
  const docId = newDocId();
  const clients: BenchClient[] = [];
  for (let index = 0; index < editors; index++) clients.push(await connect(server, docId));
  try {
    return summarize(await timedEdits(clients, edits));
  } finally {
    for (const client of clients) client.close();
  }
}

import type * as Y from "yjs";
import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, until } from "./benchClient";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";

const KEYSTROKE_MS = 200; // ~5 characters a second

export interface TypingResult {
  delivery: Summary;
  converged: boolean;
}

/**
 * Every editor types about five characters a second at once. Each keystroke carries its
 * send time, so every delivery to every other editor is a sample; at the end all copies
 * must be identical.
 */
export async function concurrentTyping(
  server: BenchServer,
  editors: number,
  durationMs: number,
): Promise<TypingResult> {
  const docId = newDocId();
  const clients: BenchClient[] = [];
  for (let index = 0; index < editors; index++) clients.push(await connect(server, docId));
  const samples: number[] = [];
  clients.forEach((client, index) => {
    client.doc.getArray<[number, number]>("keys").observe((event: Y.YArrayEvent<[number, number]>) => {
      const now = performance.now();
      for (const change of event.changes.delta) {
        for (const [sender, sentAt] of (change.insert as [number, number][] | undefined) ?? []) {
          if (sender !== index) samples.push(now - sentAt);
        }
      }
    });
  });

  let sent = 0;
  const timers = clients.map((client, index) =>
    setTimeout(() => {
      const interval = setInterval(() => {
        client.doc.transact(() => {
          client.doc.getArray<[number, number]>("keys").push([[index, performance.now()]]);
          client.doc.getText("t").insert(0, "k");
        });
        sent += 1;
      }, KEYSTROKE_MS);
      timers.push(interval);
    }, Math.random() * KEYSTROKE_MS),
  );
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearTimeout(timer);

  try {
    await Promise.all(clients.map((client) => until(client.doc, () => client.doc.getArray("keys").length === sent)));
    const first = JSON.stringify((clients[0] as BenchClient).doc.getArray("keys").toJSON());
    const converged = clients.every(
      (client) =>
        JSON.stringify(client.doc.getArray("keys").toJSON()) === first &&
        client.doc.getText("t").toString() === (clients[0] as BenchClient).doc.getText("t").toString(),
    );
    return { delivery: summarize(samples), converged };
  } finally {
    for (const client of clients) client.close();
  }
}

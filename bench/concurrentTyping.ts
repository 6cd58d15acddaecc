import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, paragraphArrived, paragraphText, readParagraph } from "./benchClient";
import { TimedKeystrokes } from "./timedKeystrokes";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";
import type { MeasuredWindow } from "./storageWindow";

export interface TypingResult {
  delivery: Summary;
  converged: boolean;
}

/**
 * Every editor types about five characters a second at once into one paragraph; every
 * delivery of a keystroke to every other editor is a sample. At the end all copies must be
 * identical. The window runs from the first keystroke until every editor has every keystroke.
 */
export async function concurrentTyping(
  server: BenchServer,
  editors: number,
  durationMs: number,
  window?: MeasuredWindow,
): Promise<TypingResult> {
  const docId = newDocId();
  const clients: BenchClient[] = [];
  for (let index = 0; index < editors; index++) clients.push(await connect(server, docId));
  paragraphText((clients[0] as BenchClient).doc);
  await Promise.all(clients.map((client) => paragraphArrived(client.doc)));
  const keys = new TimedKeystrokes(clients);
  await window?.started(docId);
  await keys.type(clients.length, durationMs);

  try {
    await keys.allArrived();
    await window?.finished(docId);
    const first = readParagraph((clients[0] as BenchClient).doc);
    const converged = clients.every((client) => readParagraph(client.doc) === first);
    return { delivery: summarize(keys.samples), converged };
  } finally {
    for (const client of clients) client.close();
  }
}

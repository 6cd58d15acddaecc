import type * as Y from "yjs";
import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, paragraphArrived, paragraphText, readParagraph } from "./benchClient";
import type { BenchServer } from "./servers";
import { type Summary, summarize } from "./stats";
import type { MeasuredWindow } from "./storageWindow";
import { untilDocument } from "../e2e/untilDocument";

const KEYSTROKE_MS = 200; // ~5 characters a second

export interface TypingResult {
  delivery: Summary;
  converged: boolean;
}

/** A keystroke as typed into the shared paragraph: who sent it and its number, so others can time it. */
const keystroke = (sender: number, count: number) => `${sender}.${count};`;
const KEYSTROKE = /(\d+)\.(\d+);/g;

/**
 * Every editor types about five characters a second at once into one paragraph. Each
 * keystroke names its sender, whose send time is kept here, so every delivery to every
 * other editor is a sample; at the end all copies must be identical. The window runs from
 * the first keystroke until every editor has every keystroke.
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
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  clients.forEach((client, index) => {
    paragraphText(client.doc).observe((event: Y.YTextEvent) => {
      const now = performance.now();
      for (const change of event.delta) {
        if (typeof change.insert !== "string") continue;
        for (const [token, sender] of change.insert.matchAll(KEYSTROKE)) {
          if (Number(sender) !== index) samples.push(now - (sentAt.get(token) ?? now));
        }
      }
    });
  });

  await window?.started(docId);
  let sent = 0;
  const timers = clients.map((client, index) =>
    setTimeout(() => {
      let count = 0;
      const interval = setInterval(() => {
        const token = keystroke(index, count++);
        sentAt.set(token, performance.now());
        paragraphText(client.doc).insert(0, token);
        sent += 1;
      }, KEYSTROKE_MS);
      timers.push(interval);
    }, Math.random() * KEYSTROKE_MS),
  );
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearTimeout(timer);

  try {
    const keystrokes = (client: BenchClient) => readParagraph(client.doc).match(KEYSTROKE)?.length ?? 0;
    await Promise.all(clients.map((client) => untilDocument(client.doc, () => keystrokes(client) === sent)));
    await window?.finished(docId);
    const first = readParagraph((clients[0] as BenchClient).doc);
    const converged = clients.every((client) => readParagraph(client.doc) === first);
    return { delivery: summarize(samples), converged };
  } finally {
    for (const client of clients) client.close();
  }
}

import { type BenchClient, paragraphText, readParagraph } from "./benchClient";
import { untilDocument } from "../e2e/untilDocument";

/**
 * The clients take turns making a small edit to the first paragraph; a sample is the time
 * until every other client has it. After each, a pause of `pauseMs`, if any.
 */
export async function timedEdits(clients: readonly BenchClient[], edits: number, pauseMs = 0): Promise<number[]> {
  const samples: number[] = [];
  for (let edit = 0; edit < edits; edit++) {
    const writer = clients[edit % clients.length] as BenchClient;
    const text = paragraphText(writer.doc);
    const length = text.length + 1;
    const arrived = Promise.all(
      clients
        .filter((client) => client !== writer)
        .map((client) => untilDocument(client.doc, () => readParagraph(client.doc).length >= length)),
    );
    const start = performance.now();
    text.insert(text.length, "x");
    await arrived;
    samples.push(performance.now() - start);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return samples;
}

import type * as Y from "yjs";
import { connect } from "./benchClient";
import type { BenchServer } from "./servers";
import { untilDocument } from "../e2e/untilDocument";

const TIMEOUT_MS = 60_000;

/**
 * Time until a newcomer has the whole document, as `read` shows it, and whether it is what was
 * expected. (Not the provider's "sync" event: the reference server answers before its LevelDB
 * load is done, so that would time an empty sync.)
 */
export async function timeToContent(
  server: BenchServer,
  docId: string,
  read: (doc: Y.Doc) => string,
  expected: string,
): Promise<{ elapsed: number; identical: boolean }> {
  const start = performance.now();
  const client = await connect(server, docId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    untilDocument(client.doc, () => read(client.doc).length >= expected.length),
    new Promise((resolve) => {
      timer = setTimeout(resolve, TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  const elapsed = performance.now() - start;
  const identical = read(client.doc) === expected;
  client.close();
  return { elapsed, identical };
}

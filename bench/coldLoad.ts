import * as Y from "yjs";
import { newDocId } from "../party/shared/docId";
import { connect, until } from "./benchClient";
import type { BenchServer } from "./servers";

export interface ColdLoadResult {
  transactions: number;
  textBytes: number;
  /** Time for a new client to be synced while the server has the document in memory. */
  warmMs: number;
  /** The same right after a server restart, loading from storage; null for a server that keeps nothing. */
  afterRestartMs: number | null;
  identicalAfterRestart: boolean | null;
  /** What the server wrote to disk, against Y.encodeStateAsUpdate of the same document. */
  storedBytes: number;
  encodedStateBytes: number;
}

const CHUNK = "abcdefghi ";

/**
 * Time until a newcomer has the whole document. (Not the provider's "sync" event: the
 * reference server answers before its LevelDB load is done, so that would time an empty sync.)
 */
async function timeToContent(server: BenchServer, docId: string, expected: string) {
  const start = performance.now();
  const client = await connect(server, docId);
  const text = client.doc.getText("t");
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    until(client.doc, () => text.length >= expected.length),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 60_000);
    }),
  ]);
  clearTimeout(timer);
  const elapsed = performance.now() - start;
  const identical = text.toString() === expected;
  client.close();
  return { elapsed, identical };
}

/** Once the server's storage stops changing, so compaction is over before a restart. */
async function storageSettled(server: BenchServer): Promise<number> {
  let previous = -1;
  for (;;) {
    const bytes = await server.storedBytes();
    if (bytes === previous) return bytes;
    previous = bytes;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A document with a long history (many small transactions), then loaded by a newcomer, warm and after a restart. */
export async function coldLoad(server: BenchServer, transactions: number): Promise<ColdLoadResult> {
  const docId = newDocId();
  const writer = await connect(server, docId);
  const text = writer.doc.getText("t");
  for (let transaction = 0; transaction < transactions; transaction++) text.insert(text.length, CHUNK);
  const expected = text.toString();
  const encodedStateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
  // The server has worked through the writer's backlog once a first newcomer gets it all;
  // only then is a second newcomer's load the warm figure.
  await timeToContent(server, docId, expected);
  const warm = await timeToContent(server, docId, expected);
  writer.close();
  if (!server.persists) {
    return {
      transactions,
      textBytes: expected.length,
      warmMs: warm.elapsed,
      afterRestartMs: null,
      identicalAfterRestart: null,
      storedBytes: 0,
      encodedStateBytes,
    };
  }
  const storedBytes = await storageSettled(server);
  await server.restart();
  const cold = await timeToContent(server, docId, expected);
  return {
    transactions,
    textBytes: expected.length,
    warmMs: warm.elapsed,
    afterRestartMs: cold.elapsed,
    identicalAfterRestart: cold.identical && warm.identical,
    storedBytes,
    encodedStateBytes,
  };
}

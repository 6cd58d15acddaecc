import * as Y from "yjs";
import { newDocId } from "../party/shared/docId";
import { connect, paragraphText, readParagraph } from "./benchClient";
import type { BenchServer } from "./servers";
import { storageSettled } from "./storageSettled";
import { timeToContent } from "./timeToContent";

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

/** A document with a long history (many small transactions), then loaded by a newcomer, warm and after a restart. */
export async function coldLoad(server: BenchServer, transactions: number): Promise<ColdLoadResult> {
  const docId = newDocId();
  const writer = await connect(server, docId);
  const text = paragraphText(writer.doc);
  for (let transaction = 0; transaction < transactions; transaction++) text.insert(text.length, CHUNK);
  const expected = text.toString();
  const encodedStateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
  // The server has worked through the writer's backlog once a first newcomer gets it all;
  // only then is a second newcomer's load the warm figure.
  await timeToContent(server, docId, readParagraph, expected);
  const warm = await timeToContent(server, docId, readParagraph, expected);
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
  const cold = await timeToContent(server, docId, readParagraph, expected);
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

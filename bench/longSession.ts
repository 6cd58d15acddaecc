import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../party/shared/collabSchema";
import { newDocId } from "../party/shared/docId";
import type { StorageStats } from "../party/shared/storageStats";
import { type BenchClient, connect, newParagraph } from "./benchClient";
import { seededRandom } from "./seededRandom";
import type { BenchServer } from "./servers";
import { storageSettled } from "./storageSettled";
import { timeToContent } from "./timeToContent";
import { untilDocument } from "../e2e/untilDocument";

const WRITERS = 5;
const PARAGRAPHS = 20;
// A writer makes this many edits, then waits until the reader has them: the server always
// has work queued, but never more than a few hundred messages.
const BURST = 50;
const WORDS_AT_ONE_PLACE = 20;
const WORDS = ["a ", "an ", "the ", "word ", "quick ", "letters "];

export interface LongSessionResult {
  edits: number;
  /** From the first edit until the reader had the last. */
  editMs: number;
  /** From then until the server's storage stopped changing. */
  settleMs: number;
  /** What the server stores for the document just before it is killed. */
  storedEntries: number | null;
  storedBytes: number | null;
  encodedStateBytes: number;
  /** The room's own storage figures at that moment, where the server has them. */
  storage: StorageStats | null;
  /** A newcomer's time to the whole document after SIGKILL and a restart on the same storage. */
  coldLoadMs: number;
  identical: boolean;
}

const readBody = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FIELD).toString();

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .map((paragraph) => (paragraph as Y.XmlElement).get(0) as Y.XmlText);
}

/**
 * Typing: a word at a time, each its own transaction, at a cursor that moves on with the text
 * and jumps to a random place in a random paragraph every few words.
 */
async function makeEdits(writer: BenchClient, reader: BenchClient, count: number, random: () => number) {
  const texts = paragraphTexts(writer.doc);
  const pick = <Item>(items: readonly Item[]) => items[Math.floor(random() * items.length)] as Item;
  let text = pick(texts);
  let cursor = 0;
  for (let made = 0; made < count;) {
    const burst = Math.min(BURST, count - made);
    for (let edit = 0; edit < burst; edit++) {
      if ((made + edit) % WORDS_AT_ONE_PLACE === 0) {
        text = pick(texts);
        cursor = Math.floor(random() * (text.length + 1));
      }
      const word = pick(WORDS);
      // Others' edits arrive between bursts and may have shortened the text.
      cursor = Math.min(cursor, text.length);
      text.insert(cursor, word);
      cursor += word.length;
    }
    made += burst;
    const { clientID } = writer.doc;
    const clock = Y.getState(writer.doc.store, clientID);
    await untilDocument(reader.doc, () => Y.getState(reader.doc.store, clientID) >= clock);
  }
}

/**
 * Days of editing, compressed: five writers make `edits` edits in all, at once, in a room that
 * an idle reader keeps open throughout, so it never empties. Then what the server stores, and
 * a cold load after the server is killed with SIGKILL and started again on the same storage.
 */
export async function longSession(server: BenchServer, edits: number): Promise<LongSessionResult> {
  const docId = newDocId();
  const reader = await connect(server, docId);
  const writers: BenchClient[] = [];
  for (let index = 0; index < WRITERS; index++) writers.push(await connect(server, docId));
  const clients = [reader, ...writers];
  let session: Omit<LongSessionResult, "coldLoadMs" | "identical">;
  let expected: string;
  try {
    const first = writers[0] as BenchClient;
    first.doc.getXmlFragment(DOCUMENT_FIELD).insert(
      0,
      Array.from({ length: PARAGRAPHS }, () => newParagraph()),
    );
    await Promise.all(
      clients.map((client) =>
        untilDocument(client.doc, () => client.doc.getXmlFragment(DOCUMENT_FIELD).length === PARAGRAPHS),
      ),
    );

    const started = performance.now();
    const perWriter = Math.round(edits / WRITERS);
    await Promise.all(writers.map((writer, index) => makeEdits(writer, reader, perWriter, seededRandom(index + 1))));
    const editMs = performance.now() - started;
    expected = readBody(reader.doc);
    await storageSettled(server);
    const stored = await server.documentStorage(docId);
    session = {
      edits: perWriter * WRITERS,
      editMs,
      settleMs: performance.now() - started - editMs,
      storedEntries: stored?.entries ?? null,
      storedBytes: stored?.bytes ?? null,
      encodedStateBytes: Y.encodeStateAsUpdate(reader.doc).byteLength,
      storage: (await server.storageStats(docId))?.inMemory ?? null,
    };
    // The clients stay connected until the crash, and must not bring their copies back after it.
    for (const client of clients) client.stopReconnecting();
    await server.restart();
  } finally {
    for (const client of clients) client.close();
  }
  const cold = await timeToContent(server, docId, readBody, expected);
  return { ...session, coldLoadMs: cold.elapsed, identical: cold.identical };
}

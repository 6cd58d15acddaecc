import * as prng from "lib0/prng";
import * as Y from "yjs";
import { newDocId } from "../party/shared/docId";
import { expect, test } from "./people";
import { awarenessMessage, sendFrames, syncMessage } from "./rawFrames";
import { connectYjsClient, openRawSocket, type YjsClient } from "./yjsClients";
import { NO_BROWSER } from "./projectTags";

// Small enough to reach quickly in a test; the defaults are in party/limits.ts.
// (Frames over 1 MiB never reach the server's code: the runtime itself cuts them off.)
const MAX_FRAME_BYTES = 256 * 1024;
const MAX_DOCUMENT_BYTES = 200_000;
const AWARENESS_INTERVAL_MS = 50;

test.use({
  serverVars: {
    COWRITE_MAX_FRAME_BYTES: MAX_FRAME_BYTES,
    COWRITE_MAX_DOCUMENT_BYTES: MAX_DOCUMENT_BYTES,
    COWRITE_AWARENESS_INTERVAL_MS: AWARENESS_INTERVAL_MS,
  },
});

const clients: YjsClient[] = [];
let serverUrl = "";

test.beforeEach(({ server }) => {
  serverUrl = server.url;
});

test.afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

function client(docId: string): YjsClient {
  const connected = connectYjsClient(serverUrl, docId);
  clients.push(connected);
  return connected;
}

/** A document with known content, and a second client that watches it. */
async function documentWith(text: string) {
  const docId = newDocId();
  const writer = client(docId);
  const observer = client(docId);
  writer.write(text);
  await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
  return { docId, writer, observer };
}

/** What the server has stored and serves to someone who arrives now. */
async function servedContent(docId: string): Promise<string> {
  const newcomer = client(docId);
  await new Promise<void>((resolve) => newcomer.provider.once("sync", () => resolve()));
  return newcomer.body.toString();
}

/**
 * An update that writes into a root of its own: the server refuses it for that, and even a
 * mangled one that still parses leaves the body alone.
 */
function sideUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("fuzz").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const update = sideUpdate("a valid update");
const MALFORMED: [string, Uint8Array | string, number][] = [
  ["random bytes", new Uint8Array([7, 250, 3, 99, 1]), 1007],
  ["an empty frame", new Uint8Array(), 1007],
  ["a truncated update", syncMessage(2, update.slice(0, update.length - 3)), 1007],
  ["an update with trailing bytes", new Uint8Array([...syncMessage(2, update), 1, 2, 3]), 1007],
  ["an unknown sync step", syncMessage(9, update), 1007],
  [
    "awareness that is not JSON",
    awarenessMessage([1, 1, "x"]).map((byte, index, all) => (index === all.length - 1 ? 0x7b : byte)),
    1007,
  ],
  [
    "an awareness state that would break peers' carets",
    awarenessMessage([1, 1, { user: "Mallory", cursor: {} }]),
    1007,
  ],
  ["a text frame", "hello", 1003],
  ["a number as text", "500000000", 1003],
  ["a forged chunk marker", 'y-pk-batch#{"id":1}', 1003],
  ["a chunk over its declared size", 'y-pk-batch#{"id":"a","type":"start","size":4,"count":1}', 1007],
  ["a frame over the frame limit", new Uint8Array(MAX_FRAME_BYTES + 1), 1009],
];

test(
  "malformed frames close only the sender's connection, with a reason; the document is untouched",
  { tag: NO_BROWSER },
  async () => {
    const { docId, writer, observer } = await documentWith("Content that must survive.");
    const before = writer.body.toString();

    for (const [what, frame, code] of MALFORMED) {
      const raw = await openRawSocket(serverUrl, docId);
      const frames = what === "a chunk over its declared size" ? [frame, new Uint8Array(8)] : [frame];
      const closed = await sendFrames(raw, frames);
      expect(closed?.code, what).toBe(code);
      expect(closed?.reason, what).not.toBe("");
    }

    writer.write("Written after the bad frames.");
    await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
    expect(await servedContent(docId)).toBe(writer.body.toString());
    expect(writer.body.toString()).toContain(before);
  },
);

/** One fuzz frame: noise, mangled valid messages, or text, drawn from a seeded generator. */
function fuzzFrame(random: prng.PRNG): Uint8Array | string {
  const valid = syncMessage(2, sideUpdate(prng.word(random, 1, 30)));
  switch (prng.int32(random, 0, 5)) {
    case 0:
      return prng.uint8Array(random, prng.int32(random, 0, 64));
    case 1:
      return valid.slice(0, prng.int32(random, 0, valid.length - 1));
    case 2: {
      const flipped = valid.slice();
      flipped[prng.int32(random, 0, flipped.length - 1)] ^= 1 << prng.int32(random, 0, 7);
      return flipped;
    }
    case 3:
      return new Uint8Array([prng.int32(random, 0, 3), ...prng.uint8Array(random, prng.int32(random, 0, 32))]);
    case 4:
      return awarenessMessage([prng.uint32(random, 0, 2 ** 30), 1, { n: prng.word(random) }]).slice(
        0,
        prng.int32(random, 1, 40),
      );
    default:
      return prng.oneOf(random, [
        prng.utf16String(random, 40),
        String(prng.uint32(random, 0, 2 ** 31)),
        "y-pk-batch#{}",
      ]);
  }
}

test("thousands of fuzzed frames leave the document intact and the room serving", { tag: NO_BROWSER }, async () => {
  test.setTimeout(180_000);
  const FRAMES = 3000;
  const BURST = 20;
  const random = prng.create(20261122);
  const { docId, writer, observer } = await documentWith("Content that must survive the fuzzing.");
  const before = writer.body.toString();

  let sent = 0;
  let closes = 0;
  let raw = await openRawSocket(serverUrl, docId);
  while (sent < FRAMES) {
    const burst = Array.from({ length: BURST }, () => fuzzFrame(random));
    sent += burst.length;
    const closed = await sendFrames(raw, burst);
    if (closed) {
      closes += 1;
      // 4509: a mangled update that parses can point at items the server does not have.
      expect([1003, 1007, 1009, 4509]).toContain(closed.code);
      expect(closed.reason).not.toBe("");
      raw = await openRawSocket(serverUrl, docId);
    }
  }
  raw.socket.close();

  expect(closes).toBeGreaterThan(FRAMES / BURST / 2);
  expect(observer.body.toString()).toBe(before);
  writer.write("Written after the fuzzing.");
  await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
  expect(await servedContent(docId)).toBe(writer.body.toString());
});

test(
  "an awareness flood from one connection is throttled and the room stays responsive",
  { tag: NO_BROWSER },
  async () => {
    const { docId, writer, observer } = await documentWith("Before the flood.");
    const FLOOD = 2000;
    const FLOODER = 424_242;
    let seen = 0;
    observer.provider.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(FLOODER)) seen += 1;
    });

    const raw = await openRawSocket(serverUrl, docId);
    const started = Date.now();
    for (let clock = 1; clock <= FLOOD; clock++) {
      raw.socket.send(awarenessMessage([FLOODER, clock, { user: { name: "Flood", color: "#000000" }, n: clock }]));
    }
    writer.write("Written during the flood.");
    await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
    await expect
      .poll(() => (observer.provider.awareness.getStates().get(FLOODER) as { n?: number } | undefined)?.n)
      .toBe(FLOOD);

    const elapsed = Date.now() - started;
    expect(seen).toBeLessThanOrEqual(Math.ceil(elapsed / AWARENESS_INTERVAL_MS) + 2);
    expect(seen).toBeLessThan(FLOOD / 4);
    raw.socket.close();
  },
);

test(
  "a change that would pass the document size limit is refused and nothing stored is lost",
  { tag: NO_BROWSER },
  async () => {
    const { docId, writer, observer } = await documentWith("Small and precious.");
    const before = writer.body.toString();

    const greedy = client(docId);
    const refusal = new Promise<{ code: number; reason: string }>((resolve) =>
      greedy.provider.on("connection-close", (event: { code: number; reason: string } | null) => {
        if (event && event.code !== 1000) resolve(event);
      }),
    );
    await new Promise<void>((resolve) => greedy.provider.once("sync", () => resolve()));
    greedy.write("x".repeat(MAX_DOCUMENT_BYTES));

    const { code, reason } = await refusal;
    expect(code).toBe(4413);
    expect(reason).toContain("size limit");
    greedy.close();

    expect(await servedContent(docId)).toBe(before);
    writer.write("Still writable.");
    await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
  },
);

test(
  "large messages parked half-sent are bounded per room, and the room frees them when senders go",
  { tag: NO_BROWSER },
  async () => {
    const { docId, writer, observer } = await documentWith("Room content.");
    // The room holds at most two documents' worth (2 × 200 kB) of partly received messages.
    const chunk = new Uint8Array(150_000).fill(1);
    const marker = (type: "start" | "end") =>
      `y-pk-batch#${JSON.stringify({ id: "big", type, size: chunk.length, count: 1 })}`;
    const park = async () => {
      const raw = await openRawSocket(serverUrl, docId);
      raw.socket.send(marker("start"));
      raw.socket.send(chunk);
      return raw;
    };
    const parked = [await park(), await park(), await park()];

    // Whichever arrived last finds the budget spent; the others finish their (garbage) messages.
    const refused = await Promise.race(parked.map((raw) => raw.closed.then((closed) => ({ raw, closed }))));
    expect(refused.closed.code).toBe(1013);
    const others = parked.filter((raw) => raw !== refused.raw);
    for (const raw of others) raw.socket.send(marker("end"));
    for (const raw of others) expect((await raw.closed).code).toBe(1007);

    // With those gone the budget is free again: a new large message is read, and judged on its bytes.
    const next = await park();
    next.socket.send(marker("end"));
    expect((await next.closed).code).toBe(1007);

    writer.write("Still serving.");
    await expect.poll(() => observer.body.toString()).toBe(writer.body.toString());
  },
);

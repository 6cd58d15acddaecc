import WebSocket from "ws";
import * as Y from "yjs";
import { awarenessMessage, syncMessage } from "../e2e/rawFrames";
import { newDocId } from "../party/shared/docId";
import { type BenchClient, connect, paragraphArrived, paragraphText } from "./benchClient";
import type { BenchServer } from "./servers";
import { TimedKeystrokes } from "./timedKeystrokes";
import { type Summary, summarize } from "./stats";

// Of the idle people, this many run a whole Yjs client and time every keystroke; the rest are
// bare sockets that only count what they receive, so the benchmark's own process keeps up.
const TIMING_IDLE = 5;
// y-protocols' first byte of an awareness message.
const AWARENESS = 1;

export interface CrowdedRoomResult {
  people: number;
  typing: number;
  /** Keystroke to delivery, at every whole client but the typist's. */
  delivery: Summary;
  /** What one idle person receives a second: awareness frames, all frames, and their bytes. */
  presenceFramesPerSecond: number;
  framesPerSecond: number;
  bytesPerSecond: number;
  /** The server's CPU time, its runtime process alone, per frame it delivered to anyone. */
  cpuMicrosecondsPerFrame: number;
  /** That CPU time as a share of the wall-clock time typed. */
  cpuShare: number;
}

/** Someone who only watches: a bare socket that joins, says who it is once, and counts what arrives. */
interface Watcher {
  socket: WebSocket;
  frames: number;
  presenceFrames: number;
  bytes: number;
}

async function watch(server: BenchServer, docId: string, index: number): Promise<Watcher> {
  const socket = new WebSocket(`${server.wsUrl}/${server.room(docId)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const watcher: Watcher = { socket, frames: 0, presenceFrames: 0, bytes: 0 };
  socket.on("message", (data: Buffer) => {
    watcher.frames++;
    watcher.bytes += data.byteLength;
    if (data[0] === AWARENESS) watcher.presenceFrames++;
  });
  socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  const clientId = 1_000_000 + index;
  socket.send(awarenessMessage([clientId, 1, { user: { name: `Reader ${index}`, color: "#336699" } }]));
  return watcher;
}

/** A caret at the start of the shared paragraph, as the editor's caret plugin publishes it. */
function caretAtStart(client: BenchClient) {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraphText(client.doc), 0));
  return { anchor: position, head: position };
}

/**
 * One room of `people`: `typing` of them type about five characters a second into one
 * paragraph, moving their caret with every key as the editor does; the others have the
 * document open and do nothing. Every keystroke is timed to every whole client; the idle
 * people's sockets count the frames (presence and edits) that reach each of them.
 */
export async function crowdedRoom(
  server: BenchServer,
  people: number,
  typing: number,
  durationMs: number,
): Promise<CrowdedRoomResult> {
  const docId = newDocId();
  const typists: BenchClient[] = [];
  const timers: BenchClient[] = [];
  const watchers: Watcher[] = [];
  try {
    for (let index = 0; index < typing; index++) typists.push(await connect(server, docId));
    for (let index = 0; index < TIMING_IDLE; index++) timers.push(await connect(server, docId));
    for (let index = typing + TIMING_IDLE; index < people; index++) watchers.push(await watch(server, docId, index));
    const clients = [...typists, ...timers];
    clients.forEach((client, index) =>
      client.provider.awareness.setLocalStateField("user", { name: `Person ${index}`, color: "#aa3366" }),
    );
    paragraphText((typists[0] as BenchClient).doc);
    await Promise.all(clients.map((client) => paragraphArrived(client.doc)));

    const keys = new TimedKeystrokes(clients);
    for (const watcher of watchers) Object.assign(watcher, { frames: 0, presenceFrames: 0, bytes: 0 });
    const cpuBefore = server.runtimeCpuMs();
    const started = performance.now();
    await keys.type(typing, durationMs, (client) =>
      client.provider.awareness.setLocalStateField("cursor", caretAtStart(client)),
    );
    await keys.allArrived();
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = server.runtimeCpuMs() - cpuBefore;
    const perWatcher = (count: (watcher: Watcher) => number) =>
      watchers.reduce((sum, watcher) => sum + count(watcher), 0) / watchers.length / seconds;
    const framesPerSecond = perWatcher((watcher) => watcher.frames);
    return {
      people,
      typing,
      delivery: summarize(keys.samples),
      presenceFramesPerSecond: perWatcher((watcher) => watcher.presenceFrames),
      framesPerSecond,
      bytesPerSecond: perWatcher((watcher) => watcher.bytes),
      cpuMicrosecondsPerFrame: (cpuMs * 1000) / (framesPerSecond * seconds * people),
      cpuShare: cpuMs / (seconds * 1000),
    };
  } finally {
    for (const client of [...typists, ...timers]) client.close();
    for (const { socket } of watchers) socket.close();
  }
}

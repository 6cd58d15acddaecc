import { type ChildProcess, spawn } from "node:child_process";
import { readdir, rm, stat } from "node:fs/promises";
import { Socket } from "node:net";
import { join } from "node:path";
import { freePort, newStateDir, startPartyKit } from "../e2e/partykitServer";
import { serverCpuMs, serverMemoryBytes } from "../e2e/serverProcesses";
import { documentApiPath } from "../party/shared/roomName";
import type { RoomStorageStats } from "../party/shared/storageStats";
import { levelDbDocument } from "./levelDbDocument";

/** A server under test, as the benchmarks see it. */
export interface BenchServer {
  name: string;
  /** Where a plain y-websocket client connects, and the room name it gives for a document. */
  wsUrl: string;
  room: (docId: string) => string;
  /** Whether the server keeps documents across a restart. */
  persists: boolean;
  restart(): Promise<void>;
  /** Resident memory of every process the server runs, in bytes. */
  memoryBytes(): Promise<number>;
  /** Resident memory of the process that runs the rooms: for Cowrite, workerd without `partykit dev`'s tooling. */
  runtimeMemoryBytes(): Promise<number>;
  /** CPU time that same process has used so far, in ms. */
  runtimeCpuMs(): number;
  /** Bytes the server has written to disk. */
  storedBytes(): Promise<number>;
  /** What the room's storage holds and has done (Cowrite's `<room>/storage`); null for a server that does not say. */
  storageStats(docId: string): Promise<RoomStorageStats | null>;
  /**
   * The keys the server stores for one document and their values' bytes; null for a server
   * that keeps nothing. For Cowrite, every key of the room; for LevelDB, every key naming the document.
   */
  documentStorage(docId: string): Promise<{ entries: number; bytes: number } | null>;
  /** The errors the server has printed (the latest 100); null for a server whose output is not read. */
  errors(): string[] | null;
  stop(): Promise<void>;
}

const PROJECT_ROOT = join(import.meta.dirname, "..");

/** The bytes of every file under `path`. */
async function directoryBytes(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * Cowrite's own server: `partykit dev` running party/, with its storage in a fresh directory,
 * serving its storage figures; `vars` set other server variables, such as the storage policy.
 */
export async function startCowrite({
  name = "Cowrite",
  vars = {},
}: { name?: string; vars?: Record<string, number> } = {}): Promise<BenchServer> {
  const server = await startPartyKit({ stateDir: await newStateDir(), vars: { COWRITE_STORAGE_STATS: 1, ...vars } });
  const storageStats = async (docId: string) => {
    const response = await fetch(`${server.url}${documentApiPath(docId)}/storage`);
    if (!response.ok) throw new Error(`Storage figures: ${response.status} ${await response.text()}`);
    return (await response.json()) as RoomStorageStats;
  };
  return {
    name,
    wsUrl: `ws://127.0.0.1:${server.port}/parties/main`,
    room: (docId) => `doc:${docId}`,
    persists: true,
    restart: () => server.restart(),
    memoryBytes: async () => serverMemoryBytes(server.processGroup()),
    runtimeMemoryBytes: async () => serverMemoryBytes(server.processGroup(), "workerd"),
    runtimeCpuMs: () => serverCpuMs(server.processGroup(), "workerd"),
    storedBytes: () => directoryBytes(server.stateDir),
    storageStats,
    errors: () => server.errors(),
    documentStorage: async (docId) => {
      const { storedKeys, inMemory } = await storageStats(docId);
      if (!inMemory) throw new Error("The room's storage is only counted while its document is open");
      return { entries: storedKeys, bytes: inMemory.logBytes + inMemory.snapshotBytes };
    },
    stop: async () => {
      await server.stop();
      await rm(server.stateDir, { recursive: true, force: true });
    },
  };
}

/** The reference Yjs server, @y/websocket-server, in memory or with its LevelDB persistence. */
export async function startReference({ persisted }: { persisted: boolean }): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = persisted ? await newStateDir() : undefined;
  let process_: ChildProcess;
  const launch = async () => {
    process_ = spawn(process.execPath, [join(PROJECT_ROOT, "node_modules/@y/websocket-server/src/server.js")], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...(dataDir ? { YPERSISTENCE: dataDir } : {}) },
    });
    await waitForPort(port);
  };
  const kill = async () => {
    if (process_.exitCode !== null || process_.pid === undefined) return;
    const exited = new Promise((resolve) => process_.once("exit", resolve));
    process.kill(-process_.pid, "SIGKILL");
    await exited;
  };
  await launch();
  return {
    name: persisted ? "y-websocket-server + LevelDB" : "y-websocket-server (memory)",
    wsUrl: `ws://127.0.0.1:${port}`,
    room: (docId) => docId,
    persists: persisted,
    restart: async () => {
      await kill();
      await launch();
    },
    memoryBytes: async () => serverMemoryBytes(process_.pid ?? -1),
    runtimeMemoryBytes: async () => serverMemoryBytes(process_.pid ?? -1),
    runtimeCpuMs: () => serverCpuMs(process_.pid ?? -1),
    storedBytes: () => (dataDir ? directoryBytes(dataDir) : Promise.resolve(0)),
    storageStats: () => Promise.resolve(null),
    errors: () => null,
    documentStorage: (docId) => (dataDir ? levelDbDocument(dataDir, docId) : Promise.resolve(null)),
    stop: async () => {
      await kill();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1");
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listened on ${port}`);
}

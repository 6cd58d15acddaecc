import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PROJECT_ROOT = join(import.meta.dirname, "..");
const PARTYKIT_BIN = join(PROJECT_ROOT, "node_modules", ".bin", "partykit");
const START_TIMEOUT_MS = 60_000;

/** A real `partykit dev` serving the built app and the `party/` server, for tests. */
export interface PartyKitServer {
  url: string;
  port: number;
  stateDir: string;
  /** Stops the server and everything it started (SIGKILL: as abrupt as a crash). */
  stop(): Promise<void>;
  /** Kills the server and starts it again on the same port and state. */
  restart(): Promise<void>;
  /** The process group the server runs in now (it changes with a restart). */
  processGroup(): number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function newStateDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "cowrite-state-"));
}

async function waitUntilServing(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`partykit dev exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`partykit dev did not serve ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

interface StartOptions {
  stateDir: string;
  port?: number;
  /** Server variables, such as limits: `--var NAME=value`. */
  vars?: Record<string, string | number>;
}

/** Starts `partykit dev` on a free port (or the one given) with its state in `stateDir`. */
export async function startPartyKit({ stateDir, port, vars = {} }: StartOptions): Promise<PartyKitServer> {
  const chosenPort = port ?? (await freePort());
  let current = await launch(stateDir, chosenPort, vars);
  return {
    url: `http://127.0.0.1:${chosenPort}`,
    port: chosenPort,
    stateDir,
    stop: () => current.stop(),
    restart: async () => {
      await current.stop();
      current = await launch(stateDir, chosenPort, vars);
    },
    processGroup: () => current.processGroup,
  };
}

/** Runs one `partykit dev` process until it serves; returns its process group and what stops it. */
async function launch(stateDir: string, port: number, vars: Record<string, string | number>) {
  const args = ["dev", "--port", String(port), "--persist", stateDir, "--disable-request-cf-fetch", "--no-hotkeys"];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}=${value}`);
  // Its own process group, so stopping it also stops the workerd it starts.
  const server = spawn(PARTYKIT_BIN, args, {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
  });
  let log = "";
  const record = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", record);
  server.stderr?.on("data", record);
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null && server.pid !== undefined) {
      process.kill(-server.pid, "SIGKILL");
      await exited;
    }
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${port}`, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, processGroup: server.pid ?? -1 };
}

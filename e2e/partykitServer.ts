import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PROJECT_ROOT = join(import.meta.dirname, "..");
const PARTYKIT_BIN = join(PROJECT_ROOT, "node_modules", ".bin", "partykit");
const START_TIMEOUT_MS = 30_000;
// Now and then (about one start in twenty, on a loaded machine) partykit dev prints "Build
// succeeded, starting server..." after a restart and never serves; a second try serves at once.
const START_TRIES = 2;
const GROUP_EXIT_TIMEOUT_MS = 10_000;
const MAX_ERRORS = 100;
// eslint-disable-next-line no-control-regex
const ANSI_CODES = /\x1b\[[0-9;]*[A-Za-z]/g;

/** A real `partykit dev` serving the built app and the `party/` server, for tests. */
export interface PartyKitServer {
  url: string;
  port: number;
  stateDir: string;
  /** Stops the server and everything it started (SIGKILL: as abrupt as a crash). */
  stop(): Promise<void>;
  /**
   * Kills the server and starts it again on the same port and state; `whileDown` runs in
   * between, for what must happen while nothing serves (clients that must not resend).
   */
  restart(whileDown?: () => void | Promise<void>): Promise<void>;
  /** The process group the server runs in now (it changes with a restart). */
  processGroup(): number;
  /** The lines the server has printed as errors since it first started (the latest 100). */
  errors(): string[];
  /** What the server printed, across restarts (the last 20,000 characters of each run). */
  output(): string;
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

class NotServingError extends Error {}

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
  throw new NotServingError(`partykit dev did not serve ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`);
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
  const errors: string[] = [];
  let current = await launch(stateDir, chosenPort, vars, errors);
  let earlierOutput = "";
  return {
    url: `http://127.0.0.1:${chosenPort}`,
    port: chosenPort,
    stateDir,
    stop: () => current.stop(),
    restart: async (whileDown) => {
      await current.stop();
      earlierOutput += `${current.output()}\n--- killed; started again ---\n`;
      await whileDown?.();
      current = await launch(stateDir, chosenPort, vars, errors);
    },
    processGroup: () => current.processGroup,
    errors: () => [...errors],
    output: () => earlierOutput + current.output(),
  };
}

/**
 * Resolves once no process of the group is left: a workerd still dying holds the port and the
 * state directory, and a server started meanwhile can hang before it serves.
 */
async function groupGone(group: number): Promise<void> {
  const deadline = Date.now() + GROUP_EXIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Process group ${group} was still running ${GROUP_EXIT_TIMEOUT_MS} ms after SIGKILL`);
}

/** Runs `partykit dev` until it serves, trying again if a start hangs; returns its process group and what stops it. */
async function launch(stateDir: string, port: number, vars: Record<string, string | number>, errors: string[]) {
  let hung = "";
  for (let attempt = 1; ; attempt++) {
    try {
      const launched = await launchOnce(stateDir, port, vars, errors);
      return { ...launched, output: () => hung + launched.output() };
    } catch (error) {
      if (!(error instanceof NotServingError) || attempt === START_TRIES) throw error;
      console.warn(`partykit dev on port ${port} did not start serving; starting it again`);
      hung += `${error.message}\n--- did not serve; started again ---\n`;
    }
  }
}

async function launchOnce(stateDir: string, port: number, vars: Record<string, string | number>, errors: string[]) {
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
    const text = chunk.toString();
    log = (log + text).slice(-20_000);
    // partykit dev marks a room's console.error, and its own failures, with "ERROR".
    for (const line of text.split("\n")) if (line.includes("ERROR")) errors.push(line.replace(ANSI_CODES, ""));
    errors.splice(0, errors.length - MAX_ERRORS);
  };
  server.stdout?.on("data", record);
  server.stderr?.on("data", record);
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null && server.pid !== undefined) {
      process.kill(-server.pid, "SIGKILL");
      await exited;
      await groupGone(server.pid);
    }
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${port}`, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, processGroup: server.pid ?? -1, output: () => log };
}

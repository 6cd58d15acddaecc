import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";

// Two gaps between Playwright 1.65's WebDriver BiDi backend and Firefox 153 ESR, and what covers them.

/**
 * 1. Playwright sends the WebDriver BiDi command `emulation.setMediaFeaturesOverride` for
 * every new context and page (for `colorScheme`). Firefox 153 ESR does not implement it and
 * answers "unknown command", so `browser.newContext()` fails. Here Firefox's answer to that
 * one command, when it is "unknown command", becomes an empty success: the context works and
 * colour-scheme emulation does nothing (no test uses it). A Firefox that implements the
 * command answers with success, and then this changes nothing.
 *
 * It patches the WebSocket class Playwright's BiDi transport is built on, in this process,
 * before any browser is launched; Playwright has no public hook for it.
 */
const COMMAND = "emulation.setMediaFeaturesOverride";
const UNKNOWN = "unknown command";

interface BidiSocket {
  send(data: unknown, ...rest: unknown[]): void;
  addEventListener(type: string, listener: (event: { data: unknown }) => void, ...rest: unknown[]): void;
}

const require = createRequire(import.meta.url);
const { ws: PlaywrightWebSocket } = require("playwright-core/lib/utilsBundle") as {
  ws: { prototype: BidiSocket };
};
const prototype = PlaywrightWebSocket.prototype;
// The ids of the command's sends, per socket, until their answer comes.
const asked = new WeakMap<BidiSocket, Set<number>>();

function commandId(data: unknown): number | undefined {
  if (typeof data !== "string" || !data.includes(COMMAND)) return undefined;
  const message = JSON.parse(data) as { id?: number; method?: string };
  return message.method === COMMAND ? message.id : undefined;
}

/** The event as Playwright should see it: an "unknown command" answer to the command made a success. */
function answered(socket: BidiSocket, event: { data: unknown }): { data: unknown } {
  const ids = asked.get(socket);
  if (!ids?.size || typeof event.data !== "string" || !event.data.includes(UNKNOWN)) return event;
  const message = JSON.parse(event.data) as { id?: number; type?: string; error?: string };
  if (message.type !== "error" || message.error !== UNKNOWN || message.id === undefined || !ids.delete(message.id))
    return event;
  return { data: JSON.stringify({ type: "success", id: message.id, result: {} }) };
}

const send = prototype.send;
prototype.send = function (this: BidiSocket, data, ...rest) {
  const id = commandId(data);
  if (id !== undefined) {
    const ids = asked.get(this) ?? new Set<number>();
    asked.set(this, ids.add(id));
  }
  send.call(this, data, ...rest);
};

const addEventListener = prototype.addEventListener;
prototype.addEventListener = function (this: BidiSocket, type, listener, ...rest) {
  if (type !== "message") return addEventListener.call(this, type, listener, ...rest);
  addEventListener.call(this, type, (event) => listener.call(this, answered(this, event)), ...rest);
};

/**
 * 2. Playwright reports no download over BiDi (no `download` event), though Firefox saves the
 * file. Firefox is told to save into this folder, one per process, where `savedOverBidi` finds it.
 */
export const BIDI_DOWNLOADS = join(tmpdir(), `cowrite-downloads-${process.pid}`);

/** What `save` made the page download, as Firefox saved it; the file is then removed. */
export async function savedOverBidi(save: () => Promise<void>): Promise<{ name: string; text: string }> {
  await mkdir(BIDI_DOWNLOADS, { recursive: true });
  const before = new Set(await readdir(BIDI_DOWNLOADS));
  await save();
  // Firefox writes into `<name>.part`, then moves it onto `<name>`.
  const saved = async () => {
    const files = (await readdir(BIDI_DOWNLOADS)).filter((file) => !before.has(file));
    return files.some((file) => file.endsWith(".part")) ? [] : files;
  };
  await expect.poll(saved, { message: "Firefox saves the download" }).toHaveLength(1);
  const [name] = await saved();
  if (name === undefined) throw new Error("The download vanished");
  const path = join(BIDI_DOWNLOADS, name);
  const text = await readFile(path, "utf8");
  await rm(path);
  return { name, text };
}

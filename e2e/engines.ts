import { existsSync } from "node:fs";
import { type Browser, chromium, firefox, type LaunchOptions, webkit } from "@playwright/test";
// Imported before any browser is launched in this process: see the file.
import { BIDI_DOWNLOADS } from "./firefoxBidiGap";

export type Engine = "chromium" | "firefox" | "webkit";

/** What a Playwright project or a `launch()` needs to start an engine. */
export interface EngineLaunch {
  browserName: Engine;
  channel?: string;
  launchOptions: LaunchOptions;
}

const PLAYWRIGHT_BUILDS = { chromium, firefox, webkit };
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const SYSTEM_FIREFOX = "/usr/bin/firefox-esr";
const BIDI_CHANNEL = "moz-firefox";

/**
 * Playwright's own build of an engine where it is installed (a laptop, GitHub Actions);
 * otherwise the system's, since Playwright cannot download browsers here: Debian's
 * Chromium, and Debian's Firefox ESR driven over WebDriver BiDi. Null when the engine
 * cannot run here (WebKit needs Playwright's own build).
 */
export function engineLaunch(engine: Engine): EngineLaunch | null {
  if (existsSync(PLAYWRIGHT_BUILDS[engine].executablePath())) return { browserName: engine, launchOptions: {} };
  if (engine === "chromium" && existsSync(SYSTEM_CHROMIUM)) {
    return {
      browserName: engine,
      // Keep it from reaching for the closed network.
      launchOptions: {
        executablePath: SYSTEM_CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
      },
    };
  }
  if (engine === "firefox" && existsSync(SYSTEM_FIREFOX)) {
    return {
      browserName: engine,
      channel: BIDI_CHANNEL,
      launchOptions: { executablePath: SYSTEM_FIREFOX, downloadsPath: BIDI_DOWNLOADS },
    };
  }
  return null;
}

/** Whether Playwright drives the engine over WebDriver BiDi here; it then reports no downloads and no WebSocket frames. */
export function drivenOverBidi(engine: string): boolean {
  return engine in PLAYWRIGHT_BUILDS && engineLaunch(engine as Engine)?.channel === BIDI_CHANNEL;
}

/** Launches an engine outside a project, as a second engine in a test or a benchmark does. */
export async function launchEngine(engine: Engine): Promise<Browser> {
  const launch = engineLaunch(engine);
  if (!launch) throw new Error(`${engine} cannot run on this machine`);
  return PLAYWRIGHT_BUILDS[engine].launch({ ...launch.launchOptions, channel: launch.channel });
}

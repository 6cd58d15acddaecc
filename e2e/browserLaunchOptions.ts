import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Playwright's own Chromium when it is installed; otherwise Debian's, since Playwright
 * cannot download browsers here. The flags keep it from reaching for the closed network.
 */
export function browserLaunchOptions(): LaunchOptions {
  if (existsSync(chromium.executablePath())) return {};
  return {
    executablePath: SYSTEM_CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  };
}

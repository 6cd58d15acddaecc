import { defineConfig, devices } from "@playwright/test";
import { browserLaunchOptions } from "./e2e/browserLaunchOptions";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/globalSetup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices["Desktop Chrome"],
    // Set by the global setup, which starts the server before any worker reads this.
    baseURL: process.env.COWRITE_URL,
    launchOptions: browserLaunchOptions(),
    trace: "retain-on-failure",
  },
});

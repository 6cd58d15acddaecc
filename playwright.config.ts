import { defineConfig, devices, type Project } from "@playwright/test";
import { type Engine, engineLaunch } from "./e2e/engines";
import { NO_BROWSER } from "./e2e/projectTags";

const DEVICES: Record<Engine, string> = {
  chromium: "Desktop Chrome",
  firefox: "Desktop Firefox",
  webkit: "Desktop Safari",
};
const noBrowser = new RegExp(NO_BROWSER);

const chromium = engineLaunch("chromium");
const bothEngines = Boolean(chromium && engineLaunch("firefox"));
const engines = (Object.keys(DEVICES) as Engine[]).filter((engine) => engineLaunch(engine));
// Two people, one in each engine, cover both engines in one run: where both run, these run only
// so (running them in each engine alone as well took CI past 20 minutes).
const CROSS_ENGINE = ["collaboration.spec.ts", "editing.spec.ts", "offline.spec.ts", "richText.spec.ts"];
// Specs whose subject is the server, or page code that no engine runs differently, seen through a
// browser: one engine shows them. Firefox keeps what engines do differently: typing, carets and
// selection, clipboard, scrolling, device storage, the service worker and file picking.
const ONE_ENGINE = [
  "accessKeys.spec.ts",
  "accessibility.spec.ts", // axe-core reads every engine's page alike, and Firefox's keys over BiDi are no keyboard's
  "badClients.spec.ts",
  "codeOnDemand.spec.ts",
  "documentApi.spec.ts",
  "historyPanel.spec.ts",
  "languageFuzz.spec.ts",
  "limits.spec.ts",
  "persistence.spec.ts",
  "phone.spec.ts",
  "sharing.spec.ts",
  "yjsClient.spec.ts",
];

// The first engine that can run here gets the whole suite, every other one all but ONE_ENGINE;
// WebKit only where Playwright's build is installed.
const engineProjects: Project[] = engines.map((engine, index) => ({
  name: engine,
  grepInvert: noBrowser,
  testIgnore: [...(bothEngines ? CROSS_ENGINE : []), ...(index === 0 ? [] : ONE_ENGINE)],
  use: { ...devices[DEVICES[engine]], ...engineLaunch(engine) },
}));
const crossEngineProjects: Project[] = bothEngines
  ? [
      {
        name: "chromium+firefox",
        testMatch: CROSS_ENGINE,
        grepInvert: noBrowser,
        use: { ...devices[DEVICES.chromium], ...chromium, otherEngine: "firefox" },
      },
    ]
  : [];

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
    // Set by the global setup, which starts the server before any worker reads this.
    baseURL: process.env.COWRITE_URL,
    // DOM snapshots but no screencast: recording screenshots made Firefox's tests take 2.5 times as long.
    trace: { mode: "retain-on-failure", snapshots: true, screenshots: false },
  },
  projects: [
    { name: "server", grep: noBrowser },
    ...engineProjects,
    // The core collaboration tests again, with people taking turns between Chromium and Firefox.
    ...crossEngineProjects,
  ],
});

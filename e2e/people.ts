import { readFile, rm, writeFile } from "node:fs/promises";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
  type WebSocket,
} from "@playwright/test";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { drivenOverBidi, type Engine, launchEngine } from "./engines";
import { savedOverBidi } from "./firefoxBidiGap";
import { newStateDir, type PartyKitServer, startPartyKit } from "./partykitServer";

/** One person at their own browser: a separate context, so nothing is shared but the server. */
export class Person {
  readonly editor: Locator;
  readonly status: Locator;
  readonly nameInput: Locator;
  readonly presence: Locator;
  /** Every WebSocket the page has opened, the newest last. */
  readonly sockets: WebSocket[] = [];

  constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.editor = page.getByTestId("editor").locator(".ProseMirror");
    this.status = page.getByTestId("connection-status");
    this.nameInput = page.getByTestId("user-name");
    this.presence = page.getByTestId("presence-user");
    page.on("websocket", (socket) => this.sockets.push(socket));
  }

  /** Opens a document and waits until it is live. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.status).toHaveAttribute("data-state", "connected");
    await expect(this.editor).toBeVisible();
  }

  /** The engine this person's browser runs. */
  get engine(): string {
    return this.context.browser()?.browserType().name() ?? "unknown";
  }

  /** Clicks a button that saves a file; returns the file's name and text as the browser saved it. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    if (drivenOverBidi(this.engine)) return savedOverBidi(() => button.click());
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  }

  /**
   * Lets the page read and write the clipboard. Only Chromium has permissions for it: Firefox
   * and WebKit let the page use the clipboard without them, and refuse to be asked.
   */
  async allowClipboard(): Promise<void> {
    if (this.engine !== "chromium") return;
    await this.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  }

  /** Waits until the service worker controls the page, so the app itself can load with no network. */
  async untilWorksOffline(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async rename(name: string): Promise<void> {
    await this.typeInto(this.nameInput, name);
    await this.nameInput.press("Enter");
  }

  /**
   * Replaces a field's text key by key, as a person would. (`fill()` in Firefox over BiDi
   * sets the DOM without the input events React listens to, so the app would not see it.)
   */
  async typeInto(field: Locator, text: string): Promise<void> {
    await this.page.bringToFront();
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.press("Backspace");
    await field.pressSequentially(text);
  }

  /**
   * The document's text as written (or that of its first element matching `selector`),
   * without the name labels of other people's carets.
   */
  async text(selector?: string): Promise<string | undefined> {
    return this.editor.evaluate((element, within) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return (within ? copy.querySelector(within) : copy)?.textContent ?? undefined;
    }, selector);
  }

  /** Selects the first occurrence of `text` in the document, as a drag across it would. */
  async select(text: string): Promise<void> {
    await this.page.bringToFront();
    const found = await this.editor.evaluate((element, wanted) => {
      // Highlights and marks split text into several nodes: search their text joined.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const at = nodes
        .map((node) => node.data)
        .join("")
        .indexOf(wanted);
      if (at < 0) return false;
      const place = (offset: number): [Text, number] => {
        let left = offset;
        for (const node of nodes) {
          if (left <= node.data.length) return [node, left];
          left -= node.data.length;
        }
        throw new Error("past the end");
      };
      const range = document.createRange();
      range.setStart(...place(at));
      range.setEnd(...place(at + wanted.length));
      (element.querySelector("[contenteditable]") as HTMLElement | null)?.focus();
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }, text);
    if (!found) throw new Error(`"${text}" is not in ${this.name}'s document`);
  }

  /** Puts text at the end of the document in one input, as a paste or an input method would. */
  async insertAtEnd(text: string): Promise<void> {
    await this.page.bringToFront();
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.insertText(text);
  }

  /** Types at the end of the document, as someone who clicked below the last line would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.page.bringToFront();
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.type(text);
  }
}

interface EngineOptions {
  /** Set in a project: every second person who joins uses this engine rather than the project's. */
  otherEngine: Engine | undefined;
  /** That engine's browser, launched for the worker when a test first needs it. */
  otherBrowser: Browser | undefined;
}

interface People {
  /** A fresh document, unique to the test. */
  docId: string;
  /** Its path in the app. */
  docPath: string;
  /** Brings a new person, with the given display name, into the document at `path`. */
  join: (name: string, path?: string) => Promise<Person>;
  alice: Person;
  bob: Person;
  /** Server variables (limits) for `server`; set with `test.use({ serverVars })`. */
  serverVars: Record<string, string | number>;
  /** A server of the test's own, for tests that stop it or change its limits. */
  server: PartyKitServer;
  /** The test's document on that server. */
  serverDocUrl: string;
}

async function joinAs(browser: Browser, name: string, path: string): Promise<Person> {
  const context = await browser.newContext();
  const person = new Person(name, context, await context.newPage());
  await person.open(path);
  await person.rename(name);
  return person;
}

export const test = base.extend<People, EngineOptions>({
  otherEngine: [undefined, { option: true, scope: "worker" }],
  otherBrowser: [
    async ({ otherEngine }, use) => {
      const browser = otherEngine ? await launchEngine(otherEngine) : undefined;
      await use(browser);
      await browser?.close();
    },
    { scope: "worker" },
  ],
  // Playwright reads a fixture's dependencies from this pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  docId: async ({}, use) => {
    await use(newDocId());
  },
  docPath: async ({ docId }, use) => {
    await use(docPath(docId));
  },
  join: async ({ browser, otherBrowser, docPath }, use) => {
    const people: Person[] = [];
    await use(async (name, path = docPath) => {
      const engine = otherBrowser && people.length % 2 === 1 ? otherBrowser : browser;
      const person = await joinAs(engine, name, path);
      people.push(person);
      return person;
    });
    await Promise.all(people.map((person) => person.context.close()));
  },
  alice: async ({ join }, use) => {
    await use(await join("Alice"));
  },
  bob: async ({ join }, use) => {
    await use(await join("Bob"));
  },
  serverVars: [{}, { option: true }],
  server: async ({ serverVars }, use, testInfo) => {
    const server = await startPartyKit({ stateDir: await newStateDir(), vars: serverVars });
    await use(server);
    if (testInfo.status !== testInfo.expectedStatus) {
      const outputFile = testInfo.outputPath("server-output.txt");
      await writeFile(outputFile, server.output());
      await testInfo.attach("server output", { path: outputFile, contentType: "text/plain" });
    }
    await server.stop();
    await rm(server.stateDir, { recursive: true, force: true });
  },
  serverDocUrl: async ({ server, docPath }, use) => {
    await use(`${server.url}${docPath}`);
  },
});

export { expect };

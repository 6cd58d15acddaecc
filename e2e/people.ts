import { rm } from "node:fs/promises";
import { type Browser, type BrowserContext, test as base, expect, type Locator, type Page } from "@playwright/test";
import { newDocId } from "../party/shared/docId";
import { docPath } from "../src/docPath";
import { newStateDir, type PartyKitServer, startPartyKit } from "./partykitServer";

/** One person at their own browser: a separate context, so nothing is shared but the server. */
export class Person {
  readonly editor: Locator;
  readonly status: Locator;
  readonly nameInput: Locator;
  readonly presence: Locator;

  constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.editor = page.getByTestId("editor").locator(".ProseMirror");
    this.status = page.getByTestId("connection-status");
    this.nameInput = page.getByTestId("user-name");
    this.presence = page.getByTestId("presence-user");
  }

  /** Opens a document and waits until it is live. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.status).toHaveAttribute("data-state", "connected");
    await expect(this.editor).toBeVisible();
  }

  /** Waits until the service worker controls the page, so the app itself can load with no network. */
  async untilWorksOffline(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async rename(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.nameInput.press("Enter");
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

  /** Types at the end of the document, as someone who clicked below the last line would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.type(text);
  }
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

export const test = base.extend<People>({
  // Playwright reads a fixture's dependencies from this pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  docId: async ({}, use) => {
    await use(newDocId());
  },
  docPath: async ({ docId }, use) => {
    await use(docPath(docId));
  },
  join: async ({ browser, docPath }, use) => {
    const people: Person[] = [];
    await use(async (name, path = docPath) => {
      const person = await joinAs(browser, name, path);
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
  server: async ({ serverVars }, use) => {
    const server = await startPartyKit({ stateDir: await newStateDir(), vars: serverVars });
    await use(server);
    await server.stop();
    await rm(server.stateDir, { recursive: true, force: true });
  },
  serverDocUrl: async ({ server, docPath }, use) => {
    await use(`${server.url}${docPath}`);
  },
});

export { expect };

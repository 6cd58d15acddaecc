import type * as Y from "yjs";
import { untilDocument } from "../e2e/untilDocument";
import { type BenchClient, paragraphText, readParagraph } from "./benchClient";

const KEYSTROKE_MS = 200; // ~5 characters a second
/** A keystroke as typed into the shared paragraph: who sent it and its number, so others can time it. */
const KEYSTROKE = /(\d+)\.(\d+);/g;

/**
 * Keystrokes typed at once by several clients into the first paragraph. Each names its sender,
 * whose send time is kept here, so every delivery to every other client is a sample.
 */
export class TimedKeystrokes {
  readonly samples: number[] = [];
  private readonly sentAt = new Map<string, number>();
  private sent = 0;

  /** `clients` time what reaches them; a sender is named by its place among them. */
  constructor(private readonly clients: readonly BenchClient[]) {
    clients.forEach((client, index) => {
      paragraphText(client.doc).observe((event: Y.YTextEvent) => {
        const now = performance.now();
        for (const change of event.delta) {
          if (typeof change.insert !== "string") continue;
          for (const [token, sender] of change.insert.matchAll(KEYSTROKE)) {
            if (Number(sender) !== index) this.samples.push(now - (this.sentAt.get(token) ?? now));
          }
        }
      });
    });
  }

  /**
   * The first `typists` clients type about five keys a second each, from random moments, for
   * `durationMs`; `afterKey` runs after each key (to move the typist's caret, say).
   */
  async type(typists: number, durationMs: number, afterKey: (client: BenchClient) => void = () => {}): Promise<void> {
    const timers: ReturnType<typeof setTimeout>[] = [];
    this.clients.slice(0, typists).forEach((client, index) => {
      const start = () => {
        let count = 0;
        const key = () => {
          const token = `${index}.${count++};`;
          this.sentAt.set(token, performance.now());
          paragraphText(client.doc).insert(0, token);
          afterKey(client);
          this.sent += 1;
        };
        timers.push(setInterval(key, KEYSTROKE_MS));
      };
      timers.push(setTimeout(start, Math.random() * KEYSTROKE_MS));
    });
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    for (const timer of timers) clearTimeout(timer);
  }

  /** Resolves once every client has every keystroke typed. */
  async allArrived(): Promise<void> {
    const keystrokes = (client: BenchClient) => readParagraph(client.doc).match(KEYSTROKE)?.length ?? 0;
    await Promise.all(this.clients.map((client) => untilDocument(client.doc, () => keystrokes(client) === this.sent)));
  }
}

import * as decoding from "lib0/decoding";
import {
  type AwarenessEntry,
  encodeAwarenessMessage,
  holdNewest,
  MESSAGE_AWARENESS,
  readAwarenessEntries,
} from "./awarenessEntries";

type Send = (message: Uint8Array) => void;

// y-partykit sends every connection the same buffer for one awareness change: it is read once.
const entriesOfSent = new WeakMap<Uint8Array, AwarenessEntry[] | null>();

/** The entries of an awareness message the server sends, or null for any other message. */
function awarenessEntriesOf(message: Uint8Array): AwarenessEntry[] | null {
  let entries = entriesOfSent.get(message);
  if (entries === undefined) {
    const decoder = decoding.createDecoder(message);
    entries =
      decoding.readVarUint(decoder) === MESSAGE_AWARENESS
        ? readAwarenessEntries(decoding.readVarUint8Array(decoder))
        : null;
    entriesOfSent.set(message, entries);
  }
  return entries;
}

/** What the room sends one connection (see PresenceFanOut). */
export interface Outlet {
  send(message: Uint8Array): void;
  stop(): void;
}

/**
 * Presence (carets, names) as the room sends it out. With N people moving their carets, every
 * one of them would get a message for each move: N² a second in a busy room. Instead, a
 * connection gets presence at once only if it got none for an interval; after that, what comes
 * meanwhile waits for the room's next tick and goes out merged into one message, each client's
 * newest state only. So each connection gets at most about one presence message per interval,
 * however many people there are. One timer serves the whole room, and connections waiting for
 * the same states share one encoding. Document changes go out at once. `sendNow` must not throw:
 * a tick sends to every connection in turn.
 */
export class PresenceFanOut {
  private readonly waiting = new Map<Outlet, { sendNow: Send; entries: Map<number, AwarenessEntry> }>();
  private readonly lastSent = new WeakMap<Outlet, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly intervalMs: number) {}

  /**
   * The outlet for one connection; `sendNow` puts a message on its socket. States for which
   * `leftOut` holds are not sent to it (its own, see Echoes).
   */
  outlet(sendNow: Send, leftOut: (entry: AwarenessEntry) => boolean): Outlet {
    const outlet: Outlet = {
      send: (message) => this.send(outlet, sendNow, leftOut, message),
      stop: () => this.waiting.delete(outlet),
    };
    return outlet;
  }

  private send(outlet: Outlet, sendNow: Send, leftOut: (entry: AwarenessEntry) => boolean, message: Uint8Array): void {
    const all = awarenessEntriesOf(message);
    if (!all) return sendNow(message);
    const entries = all.filter((entry) => !leftOut(entry));
    if (entries.length === 0) return;
    const now = Date.now();
    const waiting = this.waiting.get(outlet);
    if (!waiting && now - (this.lastSent.get(outlet) ?? Number.NEGATIVE_INFINITY) >= this.intervalMs) {
      this.lastSent.set(outlet, now);
      return sendNow(entries.length === all.length ? message : encodeAwarenessMessage(entries));
    }
    const held = waiting?.entries ?? new Map<number, AwarenessEntry>();
    holdNewest(held, entries);
    this.waiting.set(outlet, { sendNow, entries: held });
    this.timer ??= setTimeout(() => this.tick(), this.intervalMs);
  }

  private tick(): void {
    this.timer = null;
    const now = Date.now();
    const encoded = new Map<string, Uint8Array>();
    // Taken before sending: what is held from now on waits for the next tick.
    const due = [...this.waiting];
    this.waiting.clear();
    for (const [outlet, { sendNow, entries }] of due) {
      const states = [...entries.values()];
      // A removal may carry the clock of the state it removes.
      const key = states.map(({ clientId, clock, json }) => `${clientId}:${clock}:${json === "null"}`).join(",");
      let message = encoded.get(key);
      if (!message) encoded.set(key, (message = encodeAwarenessMessage(states)));
      this.lastSent.set(outlet, now);
      sendNow(message);
    }
  }
}

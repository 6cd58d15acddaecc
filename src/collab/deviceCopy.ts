import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

// What came from the room is kept by the server already: it may wait this long to be written here.
const ROOM_UPDATES_WAIT_MS = 1000;

/**
 * This device's copy of a document (y-indexeddb), written in fewer IndexedDB transactions.
 * y-indexeddb opens one for every update: on a long document with five others typing, a fifth
 * of the page's work. This tab's own edits are still written at once, since offline they exist
 * nowhere else. What comes from the room (`room`, the provider, is its updates' origin) waits
 * up to a second and goes in merged; it goes in sooner with the tab's own next edit, which may
 * build on it, and when the page goes away.
 */
export class DeviceCopy extends IndexeddbPersistence {
  private readonly held: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly storeAtOnce: (update: Uint8Array, origin: unknown) => void;

  constructor(
    name: string,
    doc: Y.Doc,
    private readonly room: unknown,
  ) {
    super(name, doc);
    this.storeAtOnce = this._storeUpdate;
    doc.off("update", this.storeAtOnce);
    this._storeUpdate = (update, origin) => {
      // Read from this copy: already in it.
      if (origin === this) return;
      if (origin === room) {
        this.held.push(update);
        this.timer ??= setTimeout(this.flush, ROOM_UPDATES_WAIT_MS);
        return;
      }
      this.storeAtOnce(this.held.length > 0 ? Y.mergeUpdates([...this.takeHeld(), update]) : update, origin);
    };
    doc.on("update", this._storeUpdate);
    window.addEventListener("pagehide", this.flush);
  }

  override destroy(): Promise<void> {
    this.flush();
    window.removeEventListener("pagehide", this.flush);
    return super.destroy();
  }

  private readonly flush = () => {
    if (this.held.length > 0) this.storeAtOnce(Y.mergeUpdates(this.takeHeld()), this.room);
  };

  private takeHeld(): Uint8Array[] {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return this.held.splice(0);
  }
}

import { IndexeddbPersistence } from "y-indexeddb";
import type YPartyKitProvider from "y-partykit/provider";
import * as Y from "yjs";

// What came through the provider is kept elsewhere already (by the server, or by the other tab of
// this browser that wrote it): it may wait this long to be written here.
const ROOM_UPDATES_WAIT_MS = 1000;

/**
 * This device's copy of a document (y-indexeddb), written in fewer IndexedDB transactions.
 * y-indexeddb opens one for every update: on a long document with five others typing, a fifth
 * of the page's work. This tab's own edits are still written at once, since offline they exist
 * nowhere else. What comes from the room (its updates' origin is the provider) waits up to a
 * second and goes in merged; it goes in sooner with the tab's own next edit, which may build on
 * it, and when the connection closes, so that a reload offline shows it. (A write started as
 * the page unloads is not kept by Chromium on a reload, but is tried.)
 */
export class DeviceCopy extends IndexeddbPersistence {
  private readonly held: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly storeAtOnce: (update: Uint8Array, origin: unknown) => void;

  constructor(
    name: string,
    doc: Y.Doc,
    private readonly room: YPartyKitProvider,
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
    room.on("connection-close", this.flush);
    window.addEventListener("pagehide", this.flush);
  }

  override destroy(): Promise<void> {
    this.flush();
    this.room.off("connection-close", this.flush);
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

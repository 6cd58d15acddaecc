import type * as Party from "partykit/server";
import { onConnect, unstable_getYDoc, type YPartyKitOptions } from "y-partykit";
import type * as Y from "yjs";
import { DocumentStorage } from "./documentStorage";

/**
 * A room's document as y-partykit holds it, kept in the room's storage by DocumentStorage.
 * Every way in (connections, the HTTP API) goes through here, so all use the same options:
 * y-partykit keeps the first options a document was opened with.
 */
export class RoomDocument {
  private readonly storage: DocumentStorage;
  private readonly options: YPartyKitOptions;
  private readonly stored = new WeakSet<Y.Doc>();

  constructor(private readonly room: Party.Room) {
    this.storage = new DocumentStorage(room.storage);
    this.options = { gc: true, load: () => this.storage.load() };
  }

  /** Hands a connection to y-partykit: sync, awareness and broadcast are its job. */
  async connect(connection: Party.Connection): Promise<Y.Doc> {
    await onConnect(connection, this.room, this.options);
    return this.open();
  }

  /** The document, loaded from storage if need be, with every change going back to storage. */
  async open(): Promise<Y.Doc> {
    const doc = await unstable_getYDoc(this.room, this.options);
    if (!this.stored.has(doc)) {
      this.stored.add(doc);
      doc.on("update", (update: Uint8Array) => this.storage.store(update));
    }
    return doc;
  }

  /** Resolves once every change so far is written. */
  flush(): Promise<void> {
    return this.storage.flush();
  }

  /** Writes everything and folds the stored updates into one snapshot. */
  async compact(): Promise<void> {
    await this.storage.compact(await this.open());
  }
}

import type * as Party from "partykit/server";
import { onConnect, unstable_getYDoc, type YPartyKitOptions } from "y-partykit";
import * as Y from "yjs";
import type { StorageStats } from "./shared/storageStats";
import { DocumentStorage } from "./storage/documentStorage";
import { LimitedStorage } from "./storage/limitedStorage";
import type { StoragePolicy } from "./storage/storagePolicy";

/** The document as y-partykit holds it, with the connections it serves and their awareness ids. */
export type SharedDocument = Awaited<ReturnType<typeof unstable_getYDoc>>;

interface Session {
  doc: Y.Doc;
  storage: DocumentStorage;
}

/** Applies a change of the server's own once it is on disk (see DocumentStorage.applyWritten). */
export type ApplyWritten = (update: Uint8Array, origin: unknown, relay?: () => void) => Promise<void>;

/** What else follows each session's document: told when it opens, and awaited as it ends. */
export interface SessionObserver {
  attach(doc: Y.Doc): void;
  /** `live`: the last connection left; otherwise the last HTTP request of a detached session finished. */
  sessionEnding(doc: Y.Doc, live: boolean): Promise<void>;
}

/** A copy of the document loaded for HTTP requests while no one is connected. */
interface DetachedSession {
  session: Promise<Session>;
  /** Its document and storage, once loaded. */
  loaded?: Session;
  users: number;
  /** Resolves once the session is closed and everything it had is written. */
  ended: Promise<void>;
  end: () => void;
}

function appliedWritten(
  storage: DocumentStorage | undefined,
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  relay: () => void = () => {},
): Promise<void> {
  if (storage) return storage.applyWritten(doc, update, origin, relay);
  relay();
  Y.applyUpdate(doc, update, origin);
  return Promise.resolve();
}

const UNOBSERVED: SessionObserver = { attach: () => {}, sessionEnding: () => Promise.resolve() };

// y-partykit keeps documents in a map of its module's, which outlives a room that is
// evicted and created again in the same isolate: the storage that kept such a document
// must stop when the new room takes it over.
const keepers = new WeakMap<Y.Doc, DocumentStorage>();

/**
 * A room's document, in memory only while someone uses it. Connections share y-partykit's
 * copy (the live session); HTTP requests with no one connected share a copy loaded for
 * them (a detached session). One session at a time: each loads from storage only after
 * the one before has closed, which writes everything it had and folds the log.
 */
export class RoomDocument {
  private readonly storage: LimitedStorage;
  private readonly options: YPartyKitOptions;
  private live: Promise<SharedDocument> | undefined;
  private liveStorage: DocumentStorage | undefined;
  private loadedForLive: DocumentStorage | undefined;
  private detached: DetachedSession | undefined;
  /** Resolves once the last session to close has closed. */
  private closed: Promise<void> = Promise.resolve();
  /** The storage of a session still writing out and folding: the document is in memory until it is done. */
  private closing: DocumentStorage | undefined;
  /** Resolves once the last change asked for has been made. */
  private changing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly room: Party.Room,
    private readonly policy: StoragePolicy,
    private readonly observer: SessionObserver = UNOBSERVED,
  ) {
    this.storage = new LimitedStorage(room.storage);
    this.options = { gc: true, load: () => this.loadForLive() };
  }

  /**
   * Hands a connection to y-partykit: sync, awareness and broadcast are its job. The document
   * is opened first, so that y-partykit finds it rather than loading a second copy.
   */
  async connect(connection: Party.Connection): Promise<void> {
    await this.open();
    await onConnect(connection, this.room, this.options);
  }

  /** The live document, loaded from storage if no one had it open. */
  open(): Promise<SharedDocument> {
    this.live ??= unstable_getYDoc(this.room, this.options).then(
      (shared) => this.takeLive(shared),
      (error: unknown) => {
        this.live = undefined;
        throw error;
      },
    );
    return this.live;
  }

  /** Runs `read` on the document as it is now. */
  read<Result>(read: (doc: Y.Doc) => Result): Promise<Result> {
    return this.use(read, false);
  }

  /**
   * Runs `change` on the document, which makes its changes through `applyWritten`; resolves
   * once everything it changed is on disk (rejects if writing failed).
   */
  change<Result>(change: (doc: Y.Doc, applyWritten: ApplyWritten) => Result | Promise<Result>): Promise<Result> {
    return this.use(change, true);
  }

  /** Runs changes one at a time: each is worked out on the document as the one before left it. */
  private inTurn<Result>(run: () => Result | Promise<Result>): Promise<Result> {
    const turn = this.changing.then(run);
    this.changing = turn.catch(() => {});
    return turn;
  }

  /** What the storage of the document in memory holds and has done; null once no session holds it. */
  async stats(): Promise<StorageStats | null> {
    if (this.live) await this.live;
    if (this.liveStorage) return this.liveStorage.stats();
    if (this.detached) return (await this.detached.session).storage.stats();
    return this.closing?.stats() ?? null;
  }

  // A detached session stays open until `use` has finished (a connection that arrives meanwhile
  // waits for it to close). A change written to disk but applied after the live session closed
  // is still on disk, and in the next session's document.
  /** `changes`: the changes take turns (see inTurn), and resolve once on disk. */
  private async use<Result>(
    use: (doc: Y.Doc, applyWritten: ApplyWritten) => Result | Promise<Result>,
    changes: boolean,
  ): Promise<Result> {
    if (this.live) {
      const doc = await this.live;
      const storage = this.liveStorage;
      const apply: ApplyWritten = (update, origin, relay) => appliedWritten(storage, doc, update, origin, relay);
      const result = changes ? await this.inTurn(() => use(doc, apply)) : await use(doc, apply);
      if (changes) await this.liveStorage?.flush();
      return result;
    }
    const detached = (this.detached ??= this.openDetached());
    detached.users++;
    try {
      const { doc, storage } = await detached.session;
      const apply: ApplyWritten = (update, origin, relay) => storage.applyWritten(doc, update, origin, relay);
      const result = changes ? await this.inTurn(() => use(doc, apply)) : await use(doc, apply);
      if (changes) await storage.flush();
      return result;
    } finally {
      if (--detached.users === 0) this.closeDetached(detached);
    }
  }

  private openDetached(): DetachedSession {
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    const loading = this.closed.then(() => DocumentStorage.load(this.storage, this.policy, this.room.id));
    const detached: DetachedSession = {
      session: loading.then((loaded) => {
        loaded.storage.attach(loaded.doc);
        this.observer.attach(loaded.doc);
        detached.loaded = loaded;
        return loaded;
      }),
      users: 0,
      ended,
      end,
    };
    return detached;
  }

  // Its last user has awaited the session, so it is loaded unless loading failed.
  private closeDetached(detached: DetachedSession): void {
    if (this.detached === detached) this.detached = undefined;
    const { loaded } = detached;
    this.closed = loaded
      ? this.closeSession(loaded.storage, this.observer.sessionEnding(loaded.doc, false))
      : Promise.resolve();
    void this.closed.then(detached.end);
  }

  private async loadForLive(): Promise<Y.Doc> {
    await this.detached?.ended;
    await this.closed;
    const loaded = await DocumentStorage.load(this.storage, this.policy, this.room.id);
    this.loadedForLive = loaded.storage;
    return loaded.doc;
  }

  private async takeLive(shared: SharedDocument): Promise<SharedDocument> {
    const loaded = this.loadedForLive;
    this.loadedForLive = undefined;
    const storage = loaded ?? (await this.adopt(shared));
    storage.attach(shared);
    this.observer.attach(shared);
    if (!loaded) void storage.fold().catch(() => {});
    keepers.set(shared, storage);
    this.liveStorage = storage;
    // y-partykit forgets a document when its last connection closes, after awaiting this
    // method, only if it thinks the document persists itself: so it is told it does.
    shared.persist = { mode: "snapshot" };
    shared.compactUpdateLog = () => this.releaseLive(storage, shared);
    return shared;
  }

  /**
   * A document y-partykit already had, from a room this one replaces: its old keeper stops,
   * and what storage holds is merged into it; a fold then writes what only memory held.
   */
  private async adopt(shared: SharedDocument): Promise<DocumentStorage> {
    keepers.get(shared)?.stop();
    await this.closed;
    const loaded = await DocumentStorage.load(this.storage, this.policy, this.room.id);
    Y.applyUpdate(shared, Y.encodeStateAsUpdate(loaded.doc));
    return loaded.storage;
  }

  private releaseLive(storage: DocumentStorage, doc: Y.Doc): Promise<void> {
    this.live = undefined;
    this.liveStorage = undefined;
    const ending = this.observer.sessionEnding(doc, true);
    this.closed = this.closeSession(
      storage,
      Promise.all([this.closed, ending]).then(() => {}),
    );
    return this.closed;
  }

  /** Closes a session's storage once `after` resolves; until it has closed, the room's figures are its. */
  private async closeSession(storage: DocumentStorage, after: Promise<void>): Promise<void> {
    this.closing = storage;
    await after;
    await storage.close();
    if (this.closing === storage) this.closing = undefined;
  }
}

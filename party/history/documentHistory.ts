import type * as Party from "partykit/server";
import * as Y from "yjs";
import type { Author, VersionInfo } from "../shared/history";
import { inBatches, type LimitedStorage, STORAGE_LIMITS } from "../storage/limitedStorage";
import { entryKeyPrefix, entryValues, storedEntries } from "../storage/storedEntries";
import { encodeVersionRecord, decodeVersionRecord, type VersionRecord } from "../shared/versionRecord";
import { AUTHOR_PREFIX, AuthorTable, SERVER_WRITER, storedAuthor, type Writer } from "./authorTable";
import { ChangeAuthor } from "./changeAuthor";
import { ChangesSince } from "./changesSince";
import type { HistoryPolicy } from "./historyPolicy";
import { versionsToKeep } from "./versionRetention";

const VERSION_PREFIX = "version:";
const INDEX_PREFIX = "versions:";
/** Who changed the document since the newest version, when a session ended without saving one. */
const PENDING_KEY = "pending:authors";
/** The most authors a version lists; past it, the first ones. */
export const MAX_AUTHORS_PER_VERSION = 50;
/** The most named versions a document keeps (they are never thinned out). */
export const MAX_NAMED_VERSIONS = 100;

/** Why a version could not be saved: the caller's to fix, unlike a storage failure. */
export class VersionRefused extends Error {}

/** Every prefix the history is stored under. */
export const HISTORY_PREFIXES = [AUTHOR_PREFIX, VERSION_PREFIX, INDEX_PREFIX, PENDING_KEY] as const;

interface Loaded {
  /** Newest last. */
  versions: VersionInfo[];
  /** Versions the index no longer lists whose values are still to be removed. */
  pruned: number[];
  indexEntry: number;
  indexKeys: string[];
}

/** What an index entry holds. */
interface StoredIndex {
  versions: VersionInfo[];
  pruned: number[];
}

/** Named by someone, so kept for good: a restore's own name does not count. */
function isNamed(version: VersionInfo): boolean {
  return version.name !== null && version.restoredFrom === null;
}

/** Everyone in `earlier` and `later`, once each (by key), as `later` last knew them. */
function allAuthors(earlier: readonly Author[], later: readonly Author[]): Author[] {
  const byKey = new Map<string, Author>();
  for (const author of [...earlier, ...later]) byKey.set(author.key, author);
  return [...byKey.values()];
}

function isConnection(origin: unknown): origin is Party.Connection {
  return typeof origin === "object" && origin !== null && "send" in origin && "uri" in origin;
}

function unnamedKey(connection: Party.Connection): string {
  return `connection:${connection.id}`;
}

/** A connection that wrote without ever publishing a `user`: a plain Yjs tool. */
function unnamedTool(connection: Party.Connection): Author {
  return { key: unnamedKey(connection), name: "A Yjs client", color: null, role: "edit" };
}

/**
 * A document's history in the room's storage: who wrote with each Yjs client id (the
 * server's record, from each connection's own awareness or the API call that made the
 * change), and saved versions, each the whole document as it was, with who changed it since
 * the one before. Versions are saved on demand, after a stretch of editing, and when the
 * last person leaves after changes; old ones are thinned out by the retention policy.
 */
export class DocumentHistory {
  private loading: Promise<Loaded> | undefined;
  private readonly changedBy = new ChangesSince();
  /** Client ids a connection wrote with before it said who it is; its changes are counted under `unnamedKey`. */
  private readonly unnamed = new Map<string, Set<number>>();
  /** Who each connection is, by connection id. */
  private readonly people = new Map<string, Author>();
  private readonly table: AuthorTable;
  /** The newest version's snapshot, to tell a save that would change nothing. */
  private newestSnapshot: Y.Snapshot | null = null;
  private readonly attached = new WeakSet<Y.Doc>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private dueTimer: ReturnType<typeof setTimeout> | undefined;
  private saveDue: () => Promise<void> = () => Promise.resolve();
  /** False once storage is known to hold no pending authors (see keepPending), so that most sessions need not ask it. */
  private mayHavePending = true;
  private saving: Promise<unknown> = Promise.resolve();
  private doc: Y.Doc | null = null;

  constructor(
    private readonly storage: LimitedStorage,
    private readonly policy: HistoryPolicy,
    private readonly roomId: string,
  ) {
    this.table = new AuthorTable(storage);
  }

  /** Reads who may write under each client id: connections need it before their first change. */
  ready(): Promise<void> {
    return this.table.load();
  }

  /** See AuthorTable.claim: null if `connection` may write new changes under `clients`, else why not. */
  claim(connection: Party.Connection, writer: Writer, clients: Iterable<number>): string | null {
    return this.table.claim(connection, writer, clients);
  }

  /** Starts recording who changes `doc`, the document in memory now. */
  attach(doc: Y.Doc): void {
    this.doc = doc;
    if (this.attached.has(doc)) return;
    this.attached.add(doc);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.changed(doc, update, origin));
  }

  /** A connection said who it is (its own awareness `user`, its role from its key). */
  identify(connection: Party.Connection, person: Author): void {
    this.people.set(connection.id, person);
    this.name(connection, person);
  }

  /** Who a connection said it is, if it did. */
  personOf(connection: Party.Connection): Author | undefined {
    return this.people.get(connection.id);
  }

  /** A connection left: what it wrote without saying who it is goes down as an unnamed tool's. */
  forget(connection: Party.Connection): void {
    if (this.unnamed.has(connection.id)) this.name(connection, unnamedTool(connection));
    this.people.delete(connection.id);
  }

  /** Who wrote with each client id. */
  authors(): Promise<ReadonlyMap<number, Author>> {
    return this.table.authors();
  }

  /** The saved versions, newest first. */
  async list(): Promise<VersionInfo[]> {
    return [...(await this.load()).versions].reverse();
  }

  /** A version's stored record, encoded (see versionRecord.ts), or null if there is none with that id. */
  async readEncoded(id: number): Promise<Uint8Array | null> {
    const listed = await this.storage.list(entryKeyPrefix(VERSION_PREFIX, id));
    return storedEntries(VERSION_PREFIX, listed)[0]?.bytes ?? null;
  }

  /** A version's whole document and who deleted what since the one before, or null if there is none. */
  async read(id: number): Promise<VersionRecord | null> {
    const bytes = await this.readEncoded(id);
    return bytes && decodeVersionRecord(bytes);
  }

  /**
   * Saves `doc` as it is now as a version; resolves with it. A save that would change nothing
   * (no edit since the newest version) gives the newest version back instead, named if it
   * was not. Rejects with VersionRefused past MAX_NAMED_VERSIONS.
   */
  save(doc: Y.Doc, name: string | null, restoredFrom: number | null = null): Promise<VersionInfo> {
    const snapshot = Y.snapshot(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const { authors, deletions } = this.changedBy.take();
    const saved = this.saving.then(async () => {
      if (await this.isNewest(snapshot)) return this.nameNewest(restoredFrom === null ? name : null);
      const pending = await this.storedPending();
      const record = encodeVersionRecord({ state, deletions });
      const version = await this.write(record, allAuthors(pending, authors), name, restoredFrom, snapshot);
      if (pending.length > 0) {
        await this.storage.delete([PENDING_KEY]);
        this.mayHavePending = false;
      }
      return version;
    });
    this.saving = saved.catch(() => {});
    return saved;
  }

  /**
   * The session holding `doc` is ending. When the last person leaves, a version of any changes
   * since the last one; after HTTP requests, only if none was saved for an interval (a script
   * writing many times makes a version at most once per interval). Changes an earlier instance
   * of the room left without a version (see keepPending) count too.
   */
  async sessionEnding(doc: Y.Doc, live: boolean): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.doc === doc) this.doc = null;
    try {
      if (this.changedBy.size === 0 && (await this.storedPending()).length === 0) return;
      const newest = live ? undefined : (await this.load()).versions.at(-1);
      const due = newest ? newest.time + this.policy.autoVersionIntervalMs : 0;
      if (due > Date.now()) return await this.keepPending(due);
      await this.save(doc, null);
    } catch (error) {
      this.logFailure(error);
    }
  }

  /** Called when a version kept pending is due, with nobody connected: `save` saves the document as it is then. */
  onDue(save: () => Promise<void>): void {
    this.saveDue = save;
  }

  /** A version of what changed since the newest, unless one was saved since. */
  async saveIfPending(doc: Y.Doc): Promise<void> {
    if (this.changedBy.size > 0 || (await this.storedPending()).length > 0) await this.save(doc, null);
  }

  /**
   * Changes no version holds yet stay counted in memory, and a timer saves their version when
   * it is due. Who made them is written down too: should the room be evicted first, its next
   * session saves the version, with them as its authors.
   */
  private async keepPending(due: number): Promise<void> {
    const authors = allAuthors(await this.storedPending(), this.changedBy.authors());
    this.mayHavePending = true;
    await this.storage.put({ [PENDING_KEY]: authors.slice(0, MAX_AUTHORS_PER_VERSION) });
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = setTimeout(() => {
      this.dueTimer = undefined;
      void this.saveDue().catch((error: unknown) => this.logFailure(error));
    }, due - Date.now());
  }

  private async storedPending(): Promise<Author[]> {
    if (!this.mayHavePending) return [];
    const stored = (await this.storage.get([PENDING_KEY])).get(PENDING_KEY);
    const authors = Array.isArray(stored) ? stored.flatMap((value) => storedAuthor(value) ?? []) : [];
    this.mayHavePending = authors.length > 0;
    return authors;
  }

  private changed(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    const clients = Y.parseUpdateMeta(update).from.keys();
    if (origin instanceof ChangeAuthor) {
      this.changedBy.add(origin.author, update);
      const made = [...clients];
      // Its client ids are new ones of the server's own: they are claimed here, not by a guard.
      this.credit(() => {
        if (this.table.claim(origin, SERVER_WRITER, made) === null) return this.table.credit(made, origin.author);
      });
    } else if (isConnection(origin)) {
      const person = this.people.get(origin.id);
      if (person) {
        this.changedBy.add(person, update);
        this.attribute(clients, person);
      } else {
        const waiting = this.unnamed.get(origin.id) ?? new Set<number>();
        for (const client of clients) waiting.add(client);
        this.unnamed.set(origin.id, waiting);
        this.changedBy.add(unnamedTool(origin), update);
      }
    } else {
      // Loading from storage: nobody's change.
      return;
    }
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      if (this.doc === doc && this.changedBy.size > 0) {
        void this.save(doc, null).catch((error: unknown) => this.logFailure(error));
      }
    }, this.policy.autoVersionIntervalMs);
  }

  /** What a connection wrote before it said who it is becomes its person's. */
  private name(connection: Party.Connection, person: Author): void {
    const clients = this.unnamed.get(connection.id);
    if (!clients) return;
    this.unnamed.delete(connection.id);
    this.attribute(clients, person);
    this.changedBy.rename(unnamedKey(connection), person);
  }

  /** Credits `by` with the client ids its connection claimed (see claim) and had no author for yet. */
  private attribute(clients: Iterable<number>, by: Author): void {
    const claimed = [...clients];
    if (claimed.length > 0) this.credit(() => this.table.credit(claimed, by));
  }

  /** Writes to the author table once it is read; a failure is logged, the change itself stands. */
  private credit(write: () => Promise<void> | undefined): void {
    void this.table
      .load()
      .then(write)
      .catch((error: unknown) => this.logFailure(error));
  }

  /** Whether the document as `snapshot` shows it is the newest version's (read back from storage after a restart). */
  private async isNewest(snapshot: Y.Snapshot): Promise<boolean> {
    const newest = (await this.load()).versions.at(-1);
    if (!newest) return false;
    if (this.newestSnapshot === null) {
      const record = await this.read(newest.id);
      if (!record) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, record.state);
      this.newestSnapshot = Y.snapshot(doc);
      doc.destroy();
    }
    return Y.equalSnapshots(snapshot, this.newestSnapshot);
  }

  /** Names the newest version, for a save that would change nothing; the newest as it is if it has a name. */
  private async nameNewest(name: string | null): Promise<VersionInfo> {
    const loaded = await this.load();
    const newest = loaded.versions.at(-1);
    if (!newest) throw new Error("An unchanged save needs a version to fall back on");
    if (name === null || newest.name !== null) return newest;
    this.checkNamedRoom(loaded.versions);
    const versions = [...loaded.versions.slice(0, -1), { ...newest, name }];
    await this.writeIndex(loaded, versions, {});
    return versions.at(-1) as VersionInfo;
  }

  private checkNamedRoom(versions: readonly VersionInfo[]): void {
    if (versions.filter(isNamed).length >= MAX_NAMED_VERSIONS) {
      throw new VersionRefused(
        `A document keeps at most ${MAX_NAMED_VERSIONS} named versions; save this one without a name`,
      );
    }
  }

  private async write(
    record: Uint8Array,
    authors: Author[],
    name: string | null,
    restoredFrom: number | null,
    snapshot: Y.Snapshot,
  ): Promise<VersionInfo> {
    const loaded = await this.load();
    if (name !== null && restoredFrom === null) this.checkNamedRoom(loaded.versions);
    const previous = loaded.versions.at(-1);
    const version: VersionInfo = {
      id: (previous?.id ?? 0) + 1,
      time: Math.max(Date.now(), previous?.time ?? 0),
      name,
      authors: authors.slice(0, MAX_AUTHORS_PER_VERSION),
      restoredFrom,
    };
    const kept = versionsToKeep(
      [...loaded.versions, version].map((listed) => ({ id: listed.id, time: listed.time, named: isNamed(listed) })),
      version.time,
    );
    const versions = [...loaded.versions, version].filter(({ id }) => kept.has(id));
    const dropped = loaded.versions.filter(({ id }) => !kept.has(id)).map(({ id }) => id);
    loaded.pruned = [...loaded.pruned, ...dropped];
    await this.writeIndex(loaded, versions, entryValues(VERSION_PREFIX, version.id, record));
    this.newestSnapshot = snapshot;
    await this.removePruned(loaded);
    return version;
  }

  /**
   * Pruned versions' values go after the index that no longer lists them, so that they are
   * only ever left over, never missing; those that could not be removed are tried again at
   * the next save (the index keeps their ids).
   */
  private async removePruned(loaded: Loaded): Promise<void> {
    for (const id of [...loaded.pruned]) {
      try {
        const keys = [...(await this.storage.list(entryKeyPrefix(VERSION_PREFIX, id))).keys()];
        for (const batch of inBatches(keys)) await this.storage.delete(batch);
        loaded.pruned = loaded.pruned.filter((pruned) => pruned !== id);
      } catch (error) {
        this.logFailure(error);
      }
    }
  }

  /**
   * Writes a new index entry listing `versions`, together with `alongside` (a version's
   * values), in one put, so that they land together or not at all; then removes the old index.
   */
  private async writeIndex(
    loaded: Loaded,
    versions: VersionInfo[],
    alongside: Record<string, Uint8Array>,
  ): Promise<void> {
    const stored: StoredIndex = { versions, pruned: loaded.pruned };
    const index = entryValues(INDEX_PREFIX, loaded.indexEntry + 1, new TextEncoder().encode(JSON.stringify(stored)));
    const values = { ...alongside, ...index };
    if (Object.keys(values).length > STORAGE_LIMITS.keysPerCall) {
      throw new VersionRefused("This version is too large to save at once");
    }
    await this.storage.put(values);
    const stale = loaded.indexKeys;
    loaded.versions = versions;
    loaded.indexEntry += 1;
    loaded.indexKeys = Object.keys(index);
    // Older entries are only ever read past: those left over go at the next save.
    try {
      for (const keys of inBatches(stale)) await this.storage.delete(keys);
    } catch (error) {
      loaded.indexKeys.push(...stale);
      this.logFailure(error);
    }
  }

  private load(): Promise<Loaded> {
    this.loading ??= this.readStored().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async readStored(): Promise<Loaded> {
    // Every index entry's keys go at the next save, readable or not; numbering goes on past the highest.
    const indexes = storedEntries(INDEX_PREFIX, await this.storage.list(INDEX_PREFIX));
    const newest = indexes.filter((entry) => entry.bytes).at(-1);
    const stored = newest?.bytes ? (JSON.parse(new TextDecoder().decode(newest.bytes)) as StoredIndex) : null;
    return {
      versions: stored?.versions ?? [],
      pruned: stored?.pruned ?? [],
      indexEntry: Math.max(0, ...indexes.map((entry) => entry.entry)),
      indexKeys: indexes.flatMap((entry) => entry.keys),
    };
  }

  private logFailure(error: unknown): void {
    console.error(`Room ${this.roomId}: the document's history could not be written`, error);
  }
}

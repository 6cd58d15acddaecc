import type * as Party from "partykit/server";
import * as Y from "yjs";
import type { Author, VersionInfo } from "../shared/history";
import { inBatches, type LimitedStorage, STORAGE_LIMITS } from "../storage/limitedStorage";
import { entryKeyPrefix, entryValues, storedEntries } from "../storage/storedEntries";
import { encodeVersionRecord, decodeVersionRecord, type VersionRecord } from "../shared/versionRecord";
import { ChangeAuthor } from "./changeAuthor";
import { ChangesSince } from "./changesSince";
import type { HistoryPolicy } from "./historyPolicy";
import { versionsToKeep } from "./versionRetention";

const AUTHOR_PREFIX = "author:";
const VERSION_PREFIX = "version:";
const INDEX_PREFIX = "versions:";
/** The most client ids one connection or request gets credited with: an app tab needs one, and one per earlier session it brings changes from. */
export const MAX_CLIENTS_PER_WRITER = 64;
/** The most authors a version lists; past it, the first ones. */
export const MAX_AUTHORS_PER_VERSION = 50;
/** The most named versions a document keeps (they are never thinned out). */
export const MAX_NAMED_VERSIONS = 100;

/** Why a version could not be saved: the caller's to fix, unlike a storage failure. */
export class VersionRefused extends Error {}

/** Every prefix the history is stored under. */
export const HISTORY_PREFIXES = [AUTHOR_PREFIX, VERSION_PREFIX, INDEX_PREFIX] as const;

interface Loaded {
  /** Who first wrote with each Yjs client id: so "who inserted this character" is its item's client. */
  authors: Map<number, Author>;
  /** Newest last. */
  versions: VersionInfo[];
  indexEntry: number;
  indexKeys: string[];
}

/** Named by someone, so kept for good: a restore's own name does not count. */
function isNamed(version: VersionInfo): boolean {
  return version.name !== null && version.restoredFrom === null;
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

function author(record: unknown): Author | null {
  const value = record as Partial<Author> | null;
  return value && typeof value.key === "string" && typeof value.name === "string"
    ? { key: value.key, name: value.name, color: value.color ?? null, role: value.role ?? null }
    : null;
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
  /** How many client ids each writer (a connection, or one change of the server's own) has been credited with. */
  private readonly credited = new WeakMap<object, number>();
  /** The newest version's snapshot, to tell a save that would change nothing. */
  private newestSnapshot: Y.Snapshot | null = null;
  private readonly attached = new WeakSet<Y.Doc>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<unknown> = Promise.resolve();
  private doc: Y.Doc | null = null;

  constructor(
    private readonly storage: LimitedStorage,
    private readonly policy: HistoryPolicy,
    private readonly roomId: string,
  ) {}

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
  async authors(): Promise<ReadonlyMap<number, Author>> {
    return (await this.load()).authors;
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
      return this.write(encodeVersionRecord({ state, deletions }), authors, name, restoredFrom, snapshot);
    });
    this.saving = saved.catch(() => {});
    return saved;
  }

  /**
   * The session holding `doc` is ending. When the last person leaves, a version of any changes
   * since the last one; after HTTP requests, only if none was saved for an interval (a script
   * writing many times makes a version at most once per interval).
   */
  async sessionEnding(doc: Y.Doc, live: boolean): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.doc === doc) this.doc = null;
    if (this.changedBy.size === 0) return;
    const newest = live ? undefined : (await this.load().catch(() => null))?.versions.at(-1);
    if (newest && Date.now() - newest.time < this.policy.autoVersionIntervalMs) return;
    await this.save(doc, null).catch((error: unknown) => this.logFailure(error));
  }

  private changed(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    const clients = Y.parseUpdateMeta(update).from.keys();
    if (origin instanceof ChangeAuthor) {
      this.changedBy.add(origin.author, update);
      this.attribute(origin, clients, origin.author);
    } else if (isConnection(origin)) {
      const person = this.people.get(origin.id);
      if (person) {
        this.changedBy.add(person, update);
        this.attribute(origin, clients, person);
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
    this.attribute(connection, clients, person);
    this.changedBy.rename(unnamedKey(connection), person);
  }

  /** Credits `by` with the client ids that are new, at most MAX_CLIENTS_PER_WRITER per writer: a flood of invented ids stays unrecorded. */
  private attribute(writer: object, clients: Iterable<number>, by: Author): void {
    const candidates = [...clients];
    if (candidates.length === 0) return;
    void this.load()
      .then(async ({ authors }) => {
        const room = MAX_CLIENTS_PER_WRITER - (this.credited.get(writer) ?? 0);
        const fresh = candidates.filter((client) => !authors.has(client)).slice(0, Math.max(0, room));
        if (fresh.length === 0) return;
        this.credited.set(writer, (this.credited.get(writer) ?? 0) + fresh.length);
        for (const client of fresh) authors.set(client, by);
        await this.putAll(Object.fromEntries(fresh.map((client) => [`${AUTHOR_PREFIX}${client}`, by])));
      })
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
    const dropped = loaded.versions.filter(({ id }) => !kept.has(id));
    await this.writeIndex(loaded, versions, entryValues(VERSION_PREFIX, version.id, record));
    this.newestSnapshot = snapshot;
    // Pruned versions go last: should that fail, they are only left over, never missing.
    const stale: string[] = [];
    for (const old of dropped) stale.push(...(await this.storage.list(entryKeyPrefix(VERSION_PREFIX, old.id))).keys());
    for (const keys of inBatches(stale)) await this.storage.delete(keys);
    return version;
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
    const index = entryValues(INDEX_PREFIX, loaded.indexEntry + 1, new TextEncoder().encode(JSON.stringify(versions)));
    const values = { ...alongside, ...index };
    if (Object.keys(values).length > STORAGE_LIMITS.keysPerCall) {
      throw new VersionRefused("This version is too large to save at once");
    }
    await this.storage.put(values);
    const stale = loaded.indexKeys;
    loaded.versions = versions;
    loaded.indexEntry += 1;
    loaded.indexKeys = Object.keys(index);
    for (const keys of inBatches(stale)) await this.storage.delete(keys);
  }

  private async putAll(values: Record<string, unknown>): Promise<void> {
    for (const keys of inBatches(Object.keys(values))) {
      await this.storage.put(Object.fromEntries(keys.map((key) => [key, values[key]])));
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
    const authors = new Map<number, Author>();
    for (const [key, value] of await this.storage.list(AUTHOR_PREFIX)) {
      const recorded = author(value);
      if (recorded) authors.set(Number(key.slice(AUTHOR_PREFIX.length)), recorded);
    }
    // Every index entry's keys go at the next save, readable or not; numbering goes on past the highest.
    const indexes = storedEntries(INDEX_PREFIX, await this.storage.list(INDEX_PREFIX));
    const newest = indexes.filter((entry) => entry.bytes).at(-1);
    const versions = newest?.bytes ? (JSON.parse(new TextDecoder().decode(newest.bytes)) as VersionInfo[]) : [];
    return {
      authors,
      versions,
      indexEntry: Math.max(0, ...indexes.map((entry) => entry.entry)),
      indexKeys: indexes.flatMap((entry) => entry.keys),
    };
  }

  private logFailure(error: unknown): void {
    console.error(`Room ${this.roomId}: the document's history could not be written`, error);
  }
}

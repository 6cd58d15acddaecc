import type * as Party from "partykit/server";
import * as Y from "yjs";
import type { Author, VersionInfo } from "../shared/history";
import { inBatches, type LimitedStorage } from "../storage/limitedStorage";
import { entryValues, storedEntries } from "../storage/storedEntries";
import { encodeVersionRecord, decodeVersionRecord, type VersionRecord } from "../shared/versionRecord";
import { ChangeAuthor } from "./changeAuthor";
import { ChangesSince } from "./changesSince";
import type { HistoryPolicy } from "./historyPolicy";
import { versionsToKeep } from "./versionRetention";

const AUTHOR_PREFIX = "author:";
const VERSION_PREFIX = "version:";
const INDEX_PREFIX = "versions:";
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

// As storedEntries.ts numbers entries.
function versionKeyPrefix(id: number): string {
  return `${VERSION_PREFIX}${String(id).padStart(10, "0")}:`;
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
    const listed = await this.storage.list(versionKeyPrefix(id));
    return storedEntries(VERSION_PREFIX, listed)[0]?.bytes ?? null;
  }

  /** A version's whole document and who deleted what since the one before, or null if there is none. */
  async read(id: number): Promise<VersionRecord | null> {
    const bytes = await this.readEncoded(id);
    return bytes && decodeVersionRecord(bytes);
  }

  /** Saves `doc` as it is now as a version; resolves with it. */
  save(doc: Y.Doc, name: string | null, restoredFrom: number | null = null): Promise<VersionInfo> {
    const state = Y.encodeStateAsUpdate(doc);
    const { authors, deletions } = this.changedBy.take();
    const record = encodeVersionRecord({ state, deletions });
    const saved = this.saving.then(() => this.write(record, authors, name, restoredFrom));
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
      this.attribute(clients, origin.author);
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

  private attribute(clients: Iterable<number>, by: Author): void {
    void this.load()
      .then(
        async ({ authors }) => {
          const fresh = [...clients].filter((client) => !authors.has(client));
          for (const client of fresh) authors.set(client, by);
          const values = Object.fromEntries(fresh.map((client) => [`${AUTHOR_PREFIX}${client}`, by]));
          for (const keys of inBatches(Object.keys(values))) {
            await this.storage.put(Object.fromEntries(keys.map((key) => [key, values[key]])));
          }
        },
        (error: unknown) => this.logFailure(error),
      )
      .catch((error: unknown) => this.logFailure(error));
  }

  private async write(
    record: Uint8Array,
    authors: Author[],
    name: string | null,
    restoredFrom: number | null,
  ): Promise<VersionInfo> {
    const loaded = await this.load();
    const previous = loaded.versions.at(-1);
    const version: VersionInfo = {
      id: (previous?.id ?? 0) + 1,
      time: Math.max(Date.now(), previous?.time ?? 0),
      name,
      authors,
      restoredFrom,
    };
    const kept = versionsToKeep(
      [...loaded.versions, version].map(({ id, time, name: named }) => ({ id, time, named: named !== null })),
      version.time,
    );
    const versions = [...loaded.versions, version].filter(({ id }) => kept.has(id));
    const dropped = loaded.versions.filter(({ id }) => !kept.has(id));
    const index = entryValues(INDEX_PREFIX, loaded.indexEntry + 1, new TextEncoder().encode(JSON.stringify(versions)));
    // The version and the index naming it land before the old index and pruned versions go.
    await this.putAll({ ...entryValues(VERSION_PREFIX, version.id, record), ...index });
    const stale = [...loaded.indexKeys];
    for (const old of dropped) {
      const listed = await this.storage.list(versionKeyPrefix(old.id));
      stale.push(...listed.keys());
    }
    for (const keys of inBatches(stale)) await this.storage.delete(keys);
    loaded.versions = versions;
    loaded.indexEntry += 1;
    loaded.indexKeys = Object.keys(index);
    return version;
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
    const indexes = storedEntries(INDEX_PREFIX, await this.storage.list(INDEX_PREFIX)).filter((entry) => entry.bytes);
    const newest = indexes.at(-1);
    const versions = newest?.bytes ? (JSON.parse(new TextDecoder().decode(newest.bytes)) as VersionInfo[]) : [];
    return {
      authors,
      versions,
      indexEntry: newest?.entry ?? 0,
      indexKeys: indexes.flatMap((entry) => entry.keys),
    };
  }

  private logFailure(error: unknown): void {
    console.error(`Room ${this.roomId}: the document's history could not be written`, error);
  }
}

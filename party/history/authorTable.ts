import type { Author } from "../shared/history";
import { inBatches, type LimitedStorage } from "../storage/limitedStorage";

export const AUTHOR_PREFIX = "author:";
/** The most client ids one connection or request may claim: an app tab needs one, and one per earlier session it brings changes from. */
export const MAX_CLIENTS_PER_WRITER = 1024;
/**
 * The most client ids a document keeps a record of (some 7 MB in memory at most). Past it, new
 * ids are written under without a record: nobody owns them, and their text is nobody's.
 */
export const MAX_CLIENT_RECORDS = 20_000;
/** How long after a room starts others' changes under recorded ids are taken (see mayBeResent). */
export const RESEND_GRACE_MS = 30_000;

/**
 * Who may write under a client id: the SHA-256 of the writer key the id was first written
 * with (see writerKey.ts), KEYLESS_WRITER, or SERVER_WRITER.
 */
export type Writer = string;
/** Clients that sent no writer key share this one: any of them may go on with another's ids. */
export const KEYLESS_WRITER = "";
/** The server's own changes: the HTTP API's and restores. */
export const SERVER_WRITER = "server";

interface ClientRecord {
  /** Null for a record from before writers were recorded: the first writer to go on with it takes it. */
  writer: Writer | null;
  /** Null until the writer said who they are (see DocumentHistory.identify). */
  author: Author | null;
}

/** As stored: the writer, and the author's fields once known. */
type StoredRecord = Partial<Author> & { writer: Writer };

/** An author as stored, or null for a value that is not one. */
export function storedAuthor(value: unknown): Author | null {
  const stored = value as Partial<Author> | null;
  if (!stored || typeof stored.key !== "string" || typeof stored.name !== "string") return null;
  return { key: stored.key, name: stored.name, color: stored.color ?? null, role: stored.role ?? null };
}

function storedRecord(value: unknown): ClientRecord | null {
  const writer = (value as Partial<StoredRecord> | null)?.writer;
  const author = storedAuthor(value);
  if (typeof writer === "string") return { writer, author };
  return author && { writer: null, author };
}

/**
 * The server's record of each Yjs client id: who may write under it (the first writer to) and
 * who its changes are by, so "who inserted this character" is its item's client's author. One
 * storage key per client id; only ids that wrote something get one.
 */
export class AuthorTable {
  private records: Map<number, ClientRecord> | undefined;
  /** The records read from storage, and when. */
  private readonly stored = new WeakSet<ClientRecord>();
  private loadedAt = 0;
  private loading: Promise<Map<number, ClientRecord>> | undefined;
  /** How many client ids each writer (a connection, or one change of the server's own) has claimed. */
  private readonly claims = new WeakMap<object, number>();

  constructor(private readonly storage: LimitedStorage) {}

  /** Reads the table, once; claims need it read. */
  async load(): Promise<void> {
    this.loading ??= this.readStored().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    this.records = await this.loading;
  }

  /** Who wrote with each client id. */
  async authors(): Promise<Map<number, Author>> {
    await this.load();
    const authors = new Map<number, Author>();
    for (const [client, { author }] of this.loaded()) if (author) authors.set(client, author);
    return authors;
  }

  /**
   * Claims `clients` for `writer`, who is about to write new changes under them: null if it
   * may, else why not. An id someone else first wrote under stays theirs, so nobody can add
   * text under another person's id (it would be credited to them, and could take the place
   * of their own next change). `by` is the connection or request, whose claims are capped.
   */
  claim(by: object, writer: Writer, clients: Iterable<number>): string | null {
    const records = this.loaded();
    const taken: number[] = [];
    for (const client of clients) {
      const record = records.get(client);
      if (!record || record.writer === null) taken.push(client);
      else if (record.writer !== writer && !this.mayBeResent(record)) {
        return `Yjs client id ${client} belongs to another writer`;
      }
    }
    const claimed = (this.claims.get(by) ?? 0) + taken.length;
    if (claimed > MAX_CLIENTS_PER_WRITER) {
      return `A connection may write under at most ${MAX_CLIENTS_PER_WRITER} Yjs client ids`;
    }
    this.claims.set(by, claimed);
    const recorded = taken.filter((client) => records.has(client) || records.size < MAX_CLIENT_RECORDS);
    for (const client of recorded) {
      const record = records.get(client);
      if (record) record.writer = writer;
      else records.set(client, { writer, author: null });
    }
    // Written at once, so that a crash cannot leave the id free for someone else to take.
    void this.write(recorded).catch((error: unknown) => console.error("Client id owners could not be written", error));
    return null;
  }

  /** Records `author` for the claimed ids that have none yet, and writes them down. */
  credit(clients: Iterable<number>, author: Author): Promise<void> {
    const credited: number[] = [];
    for (const client of clients) {
      const record = this.loaded().get(client);
      if (!record || record.author) continue;
      record.author = author;
      credited.push(client);
    }
    return this.write(credited);
  }

  private async write(clients: readonly number[]): Promise<void> {
    const records = this.loaded();
    const values: Record<string, StoredRecord> = {};
    for (const client of clients) {
      const record = records.get(client);
      if (record?.writer != null) values[`${AUTHOR_PREFIX}${client}`] = { ...record.author, writer: record.writer };
    }
    for (const keys of inBatches(Object.keys(values))) {
      await this.storage.put(Object.fromEntries(keys.map((key) => [key, values[key]])));
    }
  }

  /**
   * Whether someone else's changes under a recorded id may come from another writer: only
   * just after the room started, and only for ids an earlier run of it recorded. A crash can
   * lose a person's last changes while another's copy kept them; when everyone reconnects,
   * each sends the other's along with their own, and refusing those would leave both refused
   * for good. They stay credited to their owner.
   */
  private mayBeResent(record: ClientRecord): boolean {
    return this.stored.has(record) && Date.now() - this.loadedAt < RESEND_GRACE_MS;
  }

  private loaded(): Map<number, ClientRecord> {
    if (!this.records) throw new Error("The author table is used before it was read");
    return this.records;
  }

  private async readStored(): Promise<Map<number, ClientRecord>> {
    const records = new Map<number, ClientRecord>();
    this.loadedAt = Date.now();
    for (const [key, value] of await this.storage.list(AUTHOR_PREFIX)) {
      const record = storedRecord(value);
      if (!record) continue;
      this.stored.add(record);
      records.set(Number(key.slice(AUTHOR_PREFIX.length)), record);
    }
    return records;
  }
}

import { concatBytes } from "../concatBytes";
import { MAX_VALUE_BYTES } from "./limitedStorage";

/**
 * How a document's entries lie in storage. An entry (a snapshot, or one write of the update
 * log) is split into values that fit storage's limit, under keys that sort in order:
 * `<prefix><entry>:<chunk>/<chunks>`. The chunk count in every key lets a reader tell an
 * entry whose write was cut short from a whole one. Keys written before counts were added
 * (`<prefix><entry>:<chunk>`) are read as whole when their chunks run unbroken from 0.
 */
export const SNAPSHOT_PREFIX = "snapshot:";
/** The log: each entry a batch of updates (updateBatch.ts). */
export const LOG_PREFIX = "log:";
/** The log as older versions wrote it: each entry one update. */
export const UPDATE_PREFIX = "update:";
/** Entries that could not be read, kept under this prefix followed by their old key. */
export const SET_ASIDE_PREFIX = "unreadable:";

/** Every prefix the document's own entries are stored under. */
export const DOCUMENT_PREFIXES = [SNAPSHOT_PREFIX, LOG_PREFIX, UPDATE_PREFIX, SET_ASIDE_PREFIX] as const;

const DIGITS = { entry: 10, chunk: 4 } as const;
// Ten digits, or more once the numbers outgrow them.
const KEY_PATTERN = /^(\d{10,}):(\d{4})(?:\/(\d{4}))?$/;

export interface StoredEntry {
  entry: number;
  keys: string[];
  /** The entry's bytes, or null when its chunks are missing or malformed. */
  bytes: Uint8Array | null;
  /** Whether it is a write cut short: well-formed chunks under one count, some not there. */
  cutShort: boolean;
}

function padded(value: number, digits: number): string {
  return String(value).padStart(digits, "0");
}

/** The start of every key of one entry's values: listing it finds all of them. */
export function entryKeyPrefix(prefix: string, entry: number): string {
  return `${prefix}${padded(entry, DIGITS.entry)}:`;
}

/** The values an entry is written as, keyed. */
export function entryValues(prefix: string, entry: number, bytes: Uint8Array): Record<string, Uint8Array> {
  const count = Math.max(1, Math.ceil(bytes.length / MAX_VALUE_BYTES));
  const values: Record<string, Uint8Array> = {};
  for (let chunk = 0; chunk < count; chunk++) {
    const key = `${entryKeyPrefix(prefix, entry)}${padded(chunk, DIGITS.chunk)}/${padded(count, DIGITS.chunk)}`;
    // A copy: a view would be stored with the whole buffer it views.
    values[key] = bytes.slice(chunk * MAX_VALUE_BYTES, (chunk + 1) * MAX_VALUE_BYTES);
  }
  return values;
}

interface Gathered {
  entry: number;
  keys: string[];
  chunks: (Uint8Array | undefined)[];
  /** The chunk count the keys declare: undefined in old keys, NaN when keys disagree. */
  count: number | undefined;
  malformed: boolean;
}

function isCutShort({ chunks, count, malformed }: Gathered): boolean {
  return !malformed && count !== undefined && chunks.length <= count && chunks.filter(Boolean).length < count;
}

function joined({ chunks, count, malformed }: Gathered): Uint8Array | null {
  if (malformed || (count !== undefined && chunks.length !== count)) return null;
  const ordered: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (!chunk) return null;
    ordered.push(chunk);
  }
  return ordered.length === 1 ? (ordered[0] as Uint8Array) : concatBytes(ordered);
}

/**
 * The entries under a prefix, in order, from what storage listed (in key order, so an
 * entry's chunks come together). Keys that fit no entry come back as entries of their
 * own with no bytes, so they can be set aside too.
 */
export function storedEntries(prefix: string, listed: Map<string, unknown>): StoredEntry[] {
  const entries: StoredEntry[] = [];
  const strays: StoredEntry[] = [];
  let current: Gathered | undefined;
  const finish = () => {
    if (current) {
      entries.push({ entry: current.entry, keys: current.keys, bytes: joined(current), cutShort: isCutShort(current) });
    }
  };
  for (const [key, value] of listed) {
    const match = KEY_PATTERN.exec(key.slice(prefix.length));
    if (!match) {
      strays.push({ entry: -1, keys: [key], bytes: null, cutShort: false });
      continue;
    }
    const entry = Number(match[1]);
    const count = match[3] === undefined ? undefined : Number(match[3]);
    if (current?.entry !== entry) {
      finish();
      current = { entry, keys: [], chunks: [], count, malformed: false };
    }
    current.keys.push(key);
    if (current.count !== count) current.count = Number.NaN;
    const chunk = Number(match[2]);
    if (value instanceof Uint8Array && current.chunks[chunk] === undefined) current.chunks[chunk] = value;
    else current.malformed = true;
  }
  finish();
  // Numbers of more than ten digits sort after their key order would put them.
  return [...entries.sort((first, second) => first.entry - second.entry), ...strays];
}

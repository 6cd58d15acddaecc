import type { Role } from "./roles";

/** Who made changes, as the server recorded it: never what a client claims about another. */
export interface Author {
  /** Stable per person: their per-browser id (their own word), `api:<name>` for the HTTP API, `connection:<id>` for a tool that gave none. */
  key: string;
  name: string;
  /** `#rrggbb`, or null where none is known (the API, a plain Yjs tool). */
  color: string | null;
  /** The role they wrote with; null for the HTTP API. */
  role: Role | null;
}

/** One saved version of a document, as `GET ?versions` lists it. */
export interface VersionInfo {
  id: number;
  /** When it was saved, in milliseconds since the epoch. */
  time: number;
  /** The name given when it was saved; null for automatic versions. */
  name: string | null;
  /** Who changed the document since the version before. */
  authors: Author[];
  /** The version this one restored, when it was made by a restore. */
  restoredFrom: number | null;
}

/** `GET ?versions` lists versions; `POST ?versions` saves one (`&name=`). */
export const VERSIONS_PARAM = "versions";
/** `GET ?authors`: who wrote with each Yjs client id, `{ authors: { [clientId]: Author } }`. */
export const AUTHORS_PARAM = "authors";
/** `GET ?version=<id>&format=…` reads one; `POST ?version=<id>&restore` restores it. */
export const VERSION_PARAM = "version";
export const RESTORE_PARAM = "restore";
/** `GET ?version=<id>&yjs`: the version as stored, for a diff (see versionRecord.ts). */
export const YJS_PARAM = "yjs";
/** Names the author of an HTTP API change: `?author=<name>`; without it the change is "API". */
export const AUTHOR_PARAM = "author";

/** The longest version name, and the longest API author name, in characters. */
export const MAX_VERSION_NAME_LENGTH = 100;

/** A name cut to MAX_VERSION_NAME_LENGTH characters, never through one (an emoji is one). */
export function cutName(name: string): string {
  return Array.from(name).slice(0, MAX_VERSION_NAME_LENGTH).join("");
}

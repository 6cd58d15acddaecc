import { isValidDocId } from "../../party/shared/docId";
import { isRole, type Role } from "../../party/shared/roles";

export interface RecentDocument {
  docId: string;
  title: string;
  /** When this browser last opened it, in milliseconds since the epoch. */
  lastOpened: number;
  /** The key of the link it was last opened with; absent for an open document's bare address. */
  key?: string;
  /** What that link let this browser do, so that it opens the same way offline. */
  role?: Role;
}

const STORAGE_KEY = "cowrite:recent-documents";
const MAX_REMEMBERED = 50;

/** The list with `entry` in it, newest first, once per document, at most MAX_REMEMBERED long. */
export function withDocument(list: RecentDocument[], entry: RecentDocument): RecentDocument[] {
  return [entry, ...list.filter((document) => document.docId !== entry.docId)]
    .sort((first, second) => second.lastOpened - first.lastOpened)
    .slice(0, MAX_REMEMBERED);
}

/** Stored entries that are whole and well formed. */
export function parseRecentDocuments(stored: unknown): RecentDocument[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is RecentDocument =>
      typeof entry === "object" &&
      entry !== null &&
      typeof entry.docId === "string" &&
      isValidDocId(entry.docId) &&
      typeof entry.title === "string" &&
      Number.isFinite(entry.lastOpened) &&
      (entry.key === undefined || typeof entry.key === "string") &&
      (entry.role === undefined || isRole(entry.role)),
  );
}

/** The documents this browser has opened, newest first. */
export function readRecentDocuments(): RecentDocument[] {
  try {
    return parseRecentDocuments(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]"));
  } catch {
    return [];
  }
}

/** What the link with `key` let this browser do when it last opened the document, if it did. */
export function lastKnownRole(docId: string, key: string | null): Role | undefined {
  const entry = readRecentDocuments().find((document) => document.docId === docId);
  return entry && (entry.key ?? null) === key ? entry.role : undefined;
}

export function rememberDocument(docId: string, title: string, key: string | null, role: Role): void {
  const entry: RecentDocument = { docId, title, lastOpened: Date.now(), role, ...(key === null ? {} : { key }) };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(withDocument(readRecentDocuments(), entry)));
  } catch {
    // Storage full or switched off: the list just does not grow.
  }
}

import { isValidDocId } from "../../party/shared/docId";
import { higherRole, isRole, type Role } from "../../party/shared/roles";

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

/**
 * The entry for a document just opened with `key`. A link of a lower role than the one this
 * browser already holds (an editor looking at the view link) does not replace it, so opening
 * the view link never loses the edit link.
 */
export function openedEntry(previous: RecentDocument | undefined, opened: RecentDocument): RecentDocument {
  const keepsHigher = previous?.role !== undefined && opened.role !== undefined && previous.role !== opened.role;
  if (keepsHigher && higherRole(previous.role as Role, opened.role as Role) === previous.role) {
    return { ...opened, role: previous.role, ...(previous.key === undefined ? {} : { key: previous.key }) };
  }
  return opened;
}

/** Forgets a document's remembered link once the server has refused it (reset, say). */
export function forgetLink(docId: string, key: string | null): void {
  const list = readRecentDocuments();
  const kept = list.filter((document) => !(document.docId === docId && (document.key ?? null) === key));
  if (kept.length === list.length) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage switched off: nothing was remembered anyway.
  }
}

export function rememberDocument(docId: string, title: string, key: string | null, role: Role): void {
  const list = readRecentDocuments();
  const opened: RecentDocument = { docId, title, lastOpened: Date.now(), role, ...(key === null ? {} : { key }) };
  const entry = openedEntry(
    list.find((document) => document.docId === docId),
    opened,
  );
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(withDocument(list, entry)));
  } catch {
    // Storage full or switched off: the list just does not grow.
  }
}

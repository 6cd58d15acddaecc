import { isValidDocId } from "../../party/shared/docId";

export interface RecentDocument {
  docId: string;
  title: string;
  /** When this browser last opened it, in milliseconds since the epoch. */
  lastOpened: number;
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
      Number.isFinite(entry.lastOpened),
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

export function rememberDocument(docId: string, title: string): void {
  const list = withDocument(readRecentDocuments(), { docId, title, lastOpened: Date.now() });
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage full or switched off: the list just does not grow.
  }
}

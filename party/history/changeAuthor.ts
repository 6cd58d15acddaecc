import type { Author } from "../shared/history";

/**
 * The origin of a change the server makes itself (the HTTP API, a restore), carrying who it
 * is made for, so the history records them as its author.
 */
export class ChangeAuthor {
  constructor(readonly author: Author) {}
}

/** The author of an HTTP API change: the name given with it, or "API". */
export function apiAuthor(name: string | null): Author {
  const shown = name?.trim() || "API";
  return { key: `api:${shown}`, name: shown, color: null, role: null };
}

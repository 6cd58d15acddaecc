/** The Yjs XmlFragment that holds the document body (TipTap's default field). */
export const DOCUMENT_FIELD = "default";

/** The Yjs Text that holds the document's title. */
export const TITLE_FIELD = "title";

/** What a document without a title is called. */
export const UNTITLED = "Untitled document";

/** The longest title a document may have. */
export const MAX_TITLE_LENGTH = 200;

/**
 * The longest title the server stores. Editing takes MAX_TITLE_LENGTH; the slack absorbs two
 * people typing into a full title at once, so neither is refused for the other's characters.
 */
export const MAX_STORED_TITLE_LENGTH = 2 * MAX_TITLE_LENGTH;

/** A title as people see it: trimmed, or UNTITLED when there is none. */
export function displayTitle(title: string): string {
  return title.trim() || UNTITLED;
}

/**
 * What each client publishes in its awareness state under `user`
 * (the convention of TipTap's collaboration caret, so other Yjs tools can join).
 * `id` is optional: it lets one person's several tabs count as one presence entry.
 */
export interface AwarenessUser {
  name: string;
  /** `#rrggbb`: the caret extension ignores any other form. */
  color: string;
  id?: string;
}

/** The PartyKit party that serves documents. */
export const DOCUMENT_PARTY = "main";

/** Whether a colour is `#rrggbb`, the only form the caret extension accepts. */
export function isHexColor(color: unknown): color is string {
  return typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color);
}

/** A user's colour if it is `#rrggbb`, otherwise a neutral grey, so a bad colour never hides a name. */
export function displayColor(color: unknown): string {
  return isHexColor(color) ? color : "#6b7280";
}

import { DOCUMENT_FIELD, isHexColor } from "./collabSchema";
import { isRole } from "./roles";

/**
 * The query parameter with which a client sends a random secret of its own: the server lets
 * only the connection that first published a Yjs client id's awareness, or a later one with
 * the same secret (a reconnect), speak for that id. It is never relayed.
 */
export const CLIENT_KEY_PARAM = "clientKey";

/** The longest client key the server takes; a longer one counts as none. */
export const MAX_CLIENT_KEY_LENGTH = 128;

// An awareness state is relayed to every peer, whose caret plugin reads `user` and
// `cursor` without checking them: a state of the wrong shape would break their editors.
const MAX_STATE_LENGTH = 4096;
const MAX_NAME_LENGTH = 200;
const MAX_ID_LENGTH = 100;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isClockId(value: unknown): boolean {
  return (
    isObject(value) &&
    Number.isSafeInteger(value.client) &&
    (value.client as number) >= 0 &&
    Number.isSafeInteger(value.clock) &&
    (value.clock as number) >= 0
  );
}

/**
 * A Yjs relative position into the document body, as `Y.relativePositionToJSON` writes it:
 * next to an item, or at the end of a type named by its item id or (the body root) by name.
 * Yjs throws on one with none of these, and creates a root for any other name.
 */
function isRelativePosition(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { item, type, tname, assoc } = value;
  if (assoc !== undefined && !Number.isSafeInteger(assoc)) return false;
  if (item != null) return isClockId(item);
  if (type != null) return isClockId(type);
  return tname === DOCUMENT_FIELD;
}

function userProblem(user: unknown): string | null {
  if (!isObject(user) || typeof user.name !== "string" || user.name.length > MAX_NAME_LENGTH) {
    return `awareness user must be { name: string of at most ${MAX_NAME_LENGTH} characters, color: "#rrggbb" }`;
  }
  if (user.color !== undefined && !isHexColor(user.color)) return 'awareness user color must be "#rrggbb"';
  if (user.id !== undefined && (typeof user.id !== "string" || user.id.length > MAX_ID_LENGTH)) {
    return `awareness user id must be a string of at most ${MAX_ID_LENGTH} characters`;
  }
  return null;
}

/**
 * Why a client's awareness state (its JSON text) may not be relayed or shown, or null when it
 * may. The server refuses such states; the app drops any that reach it all the same.
 */
export function awarenessStateProblem(json: string): string | null {
  if (json.length > MAX_STATE_LENGTH) return `awareness state over ${MAX_STATE_LENGTH} characters`;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return "awareness state is not JSON";
  }
  if (state === null) return null;
  if (!isObject(state)) return "awareness state is not an object";
  const { user, cursor, role } = state;
  if (role !== undefined && !isRole(role)) return 'awareness role must be "edit", "comment" or "view"';
  if (user !== undefined) {
    const problem = userProblem(user);
    if (problem) return problem;
  }
  if (cursor != null && !(isObject(cursor) && isRelativePosition(cursor.anchor) && isRelativePosition(cursor.head))) {
    return "awareness cursor must be null or { anchor, head } relative positions in the document body";
  }
  return null;
}

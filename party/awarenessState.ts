// An awareness state is relayed to every peer, whose caret plugin reads `user` and
// `cursor` without checking them: a state of the wrong shape would break their editors.
const MAX_STATE_LENGTH = 4096;
const MAX_NAME_LENGTH = 200;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isId(value: unknown): boolean {
  return value == null || (isObject(value) && Number.isInteger(value.client) && Number.isInteger(value.clock));
}

/** A Yjs relative position, as `Y.relativePositionToJSON` writes it. */
function isRelativePosition(value: unknown): boolean {
  return (
    isObject(value) &&
    isId(value.type) &&
    isId(value.item) &&
    (value.tname == null || typeof value.tname === "string") &&
    (value.assoc === undefined || Number.isInteger(value.assoc))
  );
}

/** Why a client's awareness state (its JSON text) may not be relayed, or null when it may. */
export function awarenessStateProblem(json: string): string | null {
  if (json.length > MAX_STATE_LENGTH) return `awareness state over ${MAX_STATE_LENGTH} characters`;
  const state: unknown = JSON.parse(json);
  if (state === null) return null;
  if (!isObject(state)) return "awareness state is not an object";
  const { user, cursor } = state;
  if (user !== undefined) {
    if (!isObject(user) || typeof user.name !== "string" || user.name.length > MAX_NAME_LENGTH) {
      return "awareness user must be { name: string, color?: string }";
    }
    if (user.color !== undefined && typeof user.color !== "string") return "awareness user color must be a string";
  }
  if (cursor != null && !(isObject(cursor) && isRelativePosition(cursor.anchor) && isRelativePosition(cursor.head))) {
    return "awareness cursor must be null or { anchor, head } relative positions";
  }
  return null;
}

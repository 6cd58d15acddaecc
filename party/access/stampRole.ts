import type { Role } from "../shared/roles";

/**
 * An awareness state (its JSON text) as peers should see it: with the role the server
 * admitted its connection with, whatever the client said, and for a viewer no caret. Text
 * that is not a JSON object is left as it is, for the shape check to refuse.
 */
export function stampRole(json: string, role: Role): string {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof state !== "object" || state === null || Array.isArray(state)) return json;
  const { cursor, ...rest } = state as Record<string, unknown>;
  return JSON.stringify(role === "view" ? { ...rest, role } : { ...rest, cursor, role });
}

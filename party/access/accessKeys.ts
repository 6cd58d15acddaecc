import { randomToken } from "../shared/randomToken";
import { type AccessKeys, ROLES, type Role, rolesSharedBy } from "../shared/roles";

/** Three independent tokens: none tells anything about another, so no link leads to a higher one. */
export function newAccessKeys(): AccessKeys {
  return { edit: randomToken(), comment: randomToken(), view: randomToken() };
}

export function isAccessKeys(value: unknown): value is AccessKeys {
  if (typeof value !== "object" || value === null) return false;
  const keys = value as Record<string, unknown>;
  return ROLES.every((role) => typeof keys[role] === "string" && (keys[role] as string).length > 0);
}

// Compares every character whatever the first difference, so response times do not tell how much of a guess was right.
function sameToken(known: string, given: string): boolean {
  if (known.length !== given.length) return false;
  let difference = 0;
  for (let index = 0; index < known.length; index++) difference |= known.charCodeAt(index) ^ given.charCodeAt(index);
  return difference === 0;
}

/** The role a key opens, or null for a key that is none of the document's. */
export function roleOfKey(keys: AccessKeys, key: string): Role | null {
  let found: Role | null = null;
  for (const role of ROLES) if (sameToken(keys[role], key)) found = role;
  return found;
}

/** The keys that `role` may hand on: its own and those of the roles below it. */
export function keysSharedBy(keys: AccessKeys, role: Role): Partial<AccessKeys> {
  return Object.fromEntries(rolesSharedBy(role).map((shared) => [shared, keys[shared]]));
}

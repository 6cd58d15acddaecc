/** What a share link lets its holder do, most first: each role may do all that the ones after it may. */
export const ROLES = ["edit", "comment", "view"] as const;
export type Role = (typeof ROLES)[number];

/** The query parameter that carries a share link's key, in the app's addresses and the room's. */
export const KEY_PARAM = "key";

/**
 * The query parameter that makes a request to a document's room URL about access, not
 * content: `GET ?access` answers an `AccessGrant`; `POST ?access=reset` gives the document new
 * keys (its first ones, for a new document) and answers the editor's `AccessGrant`.
 */
export const ACCESS_PARAM = "access";
export const RESET_ACCESS = "reset";

/** What a key can look like: the app refuses any other text as a wrong link without asking the server. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** A document's keys, one per role, each an independent random token. */
export type AccessKeys = Record<Role, string>;

/** What the server tells a client about its access to a document. */
export interface AccessGrant {
  role: Role;
  /**
   * The keys of the links this role may hand on (its own and the roles below it); null for an
   * open document, which has no keys: its address alone lets anyone edit it.
   */
  keys: Partial<AccessKeys> | null;
}

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** The roles whose links `role` may hand on: its own and those below it. */
export function rolesSharedBy(role: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(role));
}

/** The higher of two roles. */
export function higherRole(first: Role, second: Role): Role {
  return ROLES.indexOf(first) <= ROLES.indexOf(second) ? first : second;
}

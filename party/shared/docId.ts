import { randomToken } from "./randomToken";

/** Document ids: URL-safe, 1–64 characters of `[A-Za-z0-9_-]`. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDocId(docId: string): boolean {
  return DOC_ID_PATTERN.test(docId);
}

/** A new unguessable document id (22 characters). */
export function newDocId(): string {
  return randomToken();
}

/** Document ids: URL-safe, 1–64 characters of `[A-Za-z0-9_-]`. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// 16 random bytes: 128 bits, comfortably above the 96 that make ids unguessable.
const DOC_ID_BYTES = 16;

export function isValidDocId(docId: string): boolean {
  return DOC_ID_PATTERN.test(docId);
}

/** A new unguessable document id: 128 random bits, base64url without padding (22 characters). */
export function newDocId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(DOC_ID_BYTES));
  const base64 = btoa(String.fromCharCode(...bytes));
  return base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

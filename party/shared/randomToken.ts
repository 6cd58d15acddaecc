// 16 random bytes: 128 bits, comfortably above the 96 that make a token unguessable.
const TOKEN_BYTES = 16;

/** A new unguessable token: 128 random bits, base64url without padding (22 characters). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  const base64 = btoa(String.fromCharCode(...bytes));
  return base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Changes made through the HTTP API reach Cowrite's editors twice: first as this text
 * frame, which they apply as their own change so that undo can take it back, then as the
 * ordinary Yjs update, which is a no-op by then. Only clients that ask for it, with this
 * query parameter, get the frame; plain Yjs clients see nothing but Yjs.
 */
export const API_CHANGES_PARAM = "apiChanges";

const PREFIX = "cowrite:api-change:";
// btoa/atob work in browsers and workers alike (lib0's base64 mistakes workerd for Node).
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

export function encodeApiChange(update: Uint8Array): string {
  return `${PREFIX}${toBase64(update)}`;
}

/** The update a text frame carries, or null when it is not an API change. */
export function decodeApiChange(text: string): Uint8Array | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    return fromBase64(text.slice(PREFIX.length));
  } catch {
    return null;
  }
}

import { MAX_WRITER_KEY_LENGTH, WRITER_KEY_PARAM } from "../shared/writerKey";
import { KEYLESS_WRITER, type Writer } from "./authorTable";

/** The writer a connection speaks for: a hash of its writer key, so storage never holds the key itself. */
export async function writerOf(url: string): Promise<Writer> {
  const key = new URL(url).searchParams.get(WRITER_KEY_PARAM);
  if (!key || key.length > MAX_WRITER_KEY_LENGTH) return KEYLESS_WRITER;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

import { sha256Hex } from "../shared/sha256Hex";
import { MAX_WRITER_KEY_LENGTH, WRITER_KEY_PARAM } from "../shared/writerKey";
import { KEYLESS_WRITER, type Writer } from "./authorTable";

/** The writer a connection or request speaks for: a hash of its writer key, so storage never holds the key itself. */
export async function writerOf(url: string): Promise<Writer> {
  const key = new URL(url).searchParams.get(WRITER_KEY_PARAM);
  return !key || key.length > MAX_WRITER_KEY_LENGTH ? KEYLESS_WRITER : sha256Hex(key);
}

import type * as Party from "partykit/server";
import { concatBytes } from "../concatBytes";
import type { Limits } from "../limits";
import { jsonError } from "./jsonError";

/** The body's bytes, counted as they stream in, or null as soon as they pass `maxBytes`. */
async function readBodyBytes(request: Party.Request, maxBytes: number): Promise<Uint8Array | null> {
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    bytes += read.value.byteLength;
    if (bytes > maxBytes) {
      await reader?.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return concatBytes(chunks);
}

/** A request's body as text, within the request limit, or the error response to give instead. */
export async function readBody(request: Party.Request, limits: Limits): Promise<string | Response> {
  const tooLarge = () =>
    jsonError(413, "body_too_large", `The body is over the limit of ${limits.maxRequestBytes} bytes`);
  if (Number(request.headers.get("Content-Length")) > limits.maxRequestBytes) return tooLarge();
  const body = await readBodyBytes(request, limits.maxRequestBytes);
  if (body === null) return tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return jsonError(400, "malformed_body", "The body is not valid UTF-8 text");
  }
}

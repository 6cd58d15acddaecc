import { KEY_PARAM } from "../shared/roles";

const BEARER = /^Bearer(?:\s+(.*))?$/i;

/**
 * The share link key a request carries, as `Authorization: Bearer <key>` or else `?key=`; null
 * for none. Other Authorization schemes are not ours (a proxy's Basic auth, say) and are ignored.
 */
export function requestKey(request: { url: string; headers: Headers }): string | null {
  const bearer = BEARER.exec(request.headers.get("Authorization")?.trim() ?? "");
  // A Bearer header with no token, or a malformed one, is a wrong key, not a missing one.
  if (bearer) return bearer[1]?.trim() ?? "";
  return new URL(request.url).searchParams.get(KEY_PARAM);
}

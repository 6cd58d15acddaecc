import { KEY_PARAM } from "../shared/roles";

const BEARER = /^Bearer\s+(\S+)$/i;

/** The share link key a request carries, as `Authorization: Bearer <key>` or else `?key=`; null for none. */
export function requestKey(request: { url: string; headers: Headers }): string | null {
  const authorization = request.headers.get("Authorization");
  if (authorization !== null) return BEARER.exec(authorization.trim())?.[1] ?? "";
  return new URL(request.url).searchParams.get(KEY_PARAM);
}

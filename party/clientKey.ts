import { CLIENT_KEY_PARAM, MAX_CLIENT_KEY_LENGTH } from "./shared/awarenessState";

/** The per-tab secret a client sent with a connection or request (`CLIENT_KEY_PARAM`), or null. */
export function clientKeyIn(url: string): string | null {
  const key = new URL(url).searchParams.get(CLIENT_KEY_PARAM);
  return key && key.length <= MAX_CLIENT_KEY_LENGTH ? key : null;
}

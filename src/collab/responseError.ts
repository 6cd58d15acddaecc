import type { ErrorBody } from "../../party/shared/errorBody";

/** What a failed API response says went wrong, from its JSON error body when it has one. */
export async function responseError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  return body?.error?.message ?? `The server answered ${response.status}`;
}

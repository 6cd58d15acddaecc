import type { ErrorBody } from "../shared/errorBody";

/** An HTTP error response with the JSON body every client of the API can rely on. */
export function jsonError(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { code, message } };
  return Response.json(body, { status });
}

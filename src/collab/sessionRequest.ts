import { CLIENT_KEY_PARAM } from "../../party/shared/awarenessState";
import { documentApiPath } from "../../party/shared/roomName";
import { WRITER_KEY_PARAM } from "../../party/shared/writerKey";
import { writerKey } from "../identity/writerKey";
import type { DocumentSession } from "./documentSession";
import { keyHeaders } from "./documentAccess";
import { responseError } from "./responseError";

/**
 * A request about the session's document, with its key, this tab's client key (so the server
 * knows which person asks) and this browser's writer key (so it knows whose comments are whose).
 * Throws an Error that says what went wrong.
 */
export async function sessionRequest(
  session: DocumentSession,
  query: Record<string, string>,
  init: { method?: string; body?: string } = {},
): Promise<Response> {
  const params = new URLSearchParams({
    ...query,
    [CLIENT_KEY_PARAM]: session.params[CLIENT_KEY_PARAM] ?? "",
    [WRITER_KEY_PARAM]: writerKey(),
  });
  const response = await fetch(`${documentApiPath(session.docId)}?${params}`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: {
      ...keyHeaders(session.access.current().key),
      ...(init.body ? { "Content-Type": "application/json" } : {}),
    },
    cache: "no-store",
  }).catch(() => {
    throw new Error("Cowrite cannot reach its server: check your connection and try again");
  });
  if (!response.ok) throw new Error(await responseError(response));
  return response;
}

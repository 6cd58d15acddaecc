import type * as Party from "partykit/server";
import type * as Y from "yjs";
import { notAllowedResponse, refusedResponse } from "../access/accessRefusal";
import { copyOf } from "../api/documentChange";
import { fitsInDocument } from "../guard/documentSize";
import { jsonError } from "../api/jsonError";
import { readBody } from "../api/requestBody";
import { orUnavailable, type RoomRequest } from "../api/roomRequest";
import { ChangeAuthor } from "../history/changeAuthor";
import { writerOf } from "../history/writerOf";
import { COMMENTS_PARAM, type ListedThread } from "../shared/comments";
import { NotStoredError } from "../storage/documentStorage";
import { commentChange, passagesOf, storedThreads } from "./commentChange";
import { parseCommentOperation } from "./commentOperation";

export function isCommentsRequest(request: Party.Request): boolean {
  return new URL(request.url).searchParams.has(COMMENTS_PARAM);
}

/** The threads with where their passages are now, in the order of the text; threads whose text is gone last. */
function listedThreads(doc: Y.Doc): ListedThread[] {
  const copy = copyOf(doc);
  const threads = storedThreads(copy);
  const passages = passagesOf(copy, threads);
  const listed = threads.map((thread, index) => {
    const passage = passages[index];
    return { ...thread, position: passage?.position ?? null, text: passage?.text ?? "" };
  });
  copy.destroy();
  const order = (thread: ListedThread) => thread.position ?? Number.POSITIVE_INFINITY;
  return listed.sort(
    (first, second) => order(first) - order(second) || first.comments[0]!.time - second.comments[0]!.time,
  );
}

/**
 * The document's comments over HTTP: `GET ?comments` lists the threads (any key), `POST
 * ?comments` with a JSON CommentOperation changes them (comment or edit key). The server
 * makes the change itself, as one of its own, so a commenter changes comments and nothing else.
 */
export function handleCommentsRequest(context: RoomRequest): Promise<Response> {
  return orUnavailable(
    answer(context),
    "A comments request failed",
    "The comments could not be read or written; try again shortly",
  );
}

async function answer(context: RoomRequest): Promise<Response> {
  const { request, document, caller, limits } = context;
  if (request.method === "GET") return Response.json({ threads: await document.read(listedThreads) });
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use GET or POST");
  // Read within its limit before anything is refused, so the connection stays usable.
  const body = await readBody(request, limits);
  if (body instanceof Response) return body;
  if (caller.role === "view") return notAllowedResponse(caller.role, "comment on it");
  const operation = parseCommentOperation(body);
  if ("malformed" in operation)
    return jsonError(400, "malformed_comment", `Not a comment operation: ${operation.malformed}`);
  const commenter = { author: caller.author, owner: await writerOf(request.url), role: caller.role };
  try {
    return await document.change(async (doc, applyWritten) => {
      // Checked again in the same step as the change: the links may have been reset meanwhile.
      if (!caller.stillAdmitted()) return refusedResponse("key-refused");
      if (doc.store.clients.size === 0) return jsonError(404, "not_found", "There is no document with this id");
      const change = commentChange(doc, operation, commenter);
      if ("status" in change) return jsonError(change.status, change.code, change.message);
      if (!fitsInDocument(doc, change.update.byteLength, limits.maxDocumentBytes)) {
        return jsonError(
          413,
          "document_too_large",
          `The comment would take the document past ${limits.maxDocumentBytes} bytes`,
        );
      }
      await applyWritten(change.update, new ChangeAuthor(caller.author));
      return Response.json({ thread: change.thread });
    });
  } catch (error) {
    if (!(error instanceof NotStoredError)) throw error;
    console.error("A comment could not be stored yet", error);
    return jsonError(503, "not_stored", "The comment is made, but could not be written to storage yet; it is retried");
  }
}

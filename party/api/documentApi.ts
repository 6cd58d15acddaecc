import type { JSONContent } from "@tiptap/core";
import type * as Party from "partykit/server";
import { notAllowedResponse } from "../access/accessRefusal";
import type * as Y from "yjs";
import type { RoomDocument } from "../roomDocument";
import { NotStoredError } from "../storage/documentStorage";
import { MAX_TITLE_LENGTH } from "../shared/collabSchema";
import { documentFromMarkdown } from "../shared/documentFormats";
import { applyChange } from "./applyChange";
import type { ChangeMode } from "./documentChange";
import { documentResponse, requestedFormat } from "./documentResponse";
import { htmlToDocument } from "./htmlToDocument";
import { jsonError } from "./jsonError";
import { readBody } from "./requestBody";
import { orUnavailable, type RoomRequest } from "./roomRequest";

const PARSERS = new Map<string, (text: string) => JSONContent>([
  ["text/markdown", documentFromMarkdown],
  ["text/html", htmlToDocument],
]);

/** Only a document that has ever had content exists; reading must not make one up. */
function exists(doc: Y.Doc): boolean {
  return doc.store.clients.size > 0;
}

async function readDocument(request: Party.Request, document: RoomDocument): Promise<Response> {
  const format = requestedFormat(request);
  if (format instanceof Response) return format;
  return document.read((doc) =>
    exists(doc) ? documentResponse(doc, format) : jsonError(404, "not_found", "There is no document with this id"),
  );
}

async function writeDocument(context: RoomRequest, mode: ChangeMode) {
  const { request, document, limits } = context;
  // The body is read (within its limit) before anything is refused, so that the client's
  // connection stays usable for its next request.
  const body = await readBody(request, limits);
  if (body instanceof Response) return body;
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const parse = PARSERS.get(mediaType);
  if (!parse) return jsonError(415, "unsupported_media_type", "Send the content as text/markdown or text/html");
  const title = new URL(request.url).searchParams.get("title") ?? undefined;
  if (title !== undefined && title.length > MAX_TITLE_LENGTH) {
    return jsonError(400, "title_too_long", `A title may have at most ${MAX_TITLE_LENGTH} characters`);
  }

  let content: JSONContent;
  try {
    content = parse(body);
  } catch (error) {
    return jsonError(422, "invalid_content", `The ${mediaType} could not be read: ${(error as Error).message}`);
  }
  let changed: Response | number;
  try {
    // Answered once stored, so a script that gets 200 knows the change is kept.
    changed = await document.change((doc, applyWritten) =>
      applyChange(doc, applyWritten, context, content, mode, title),
    );
  } catch (error) {
    if (!(error instanceof NotStoredError)) throw error;
    console.error("A change from the HTTP API could not be stored yet", error);
    return jsonError(503, "not_stored", "The change is made, but could not be written to storage yet; it is retried");
  }
  if (changed instanceof Response) return changed;
  return Response.json({ ok: true, mode, updateBytes: changed });
}

/** The document's HTTP API: GET reads it in a chosen format, PUT replaces its content, POST appends to it. */
export function handleDocumentRequest(context: RoomRequest): Promise<Response> {
  return orUnavailable(
    answer(context),
    "A document request failed",
    "The document could not be read from storage; try again shortly",
  );
}

async function answer(context: RoomRequest): Promise<Response> {
  const { request, document, caller } = context;
  const writing = request.method === "PUT" || request.method === "POST";
  if (writing && caller.role !== "edit") {
    await request.body?.cancel();
    return notAllowedResponse(caller.role, "change it");
  }
  switch (request.method) {
    case "GET":
      return readDocument(request, document);
    case "PUT":
      return writeDocument(context, "replace");
    case "POST":
      return writeDocument(context, "append");
    default:
      return jsonError(405, "method_not_allowed", `${request.method} is not supported; use GET, PUT or POST`);
  }
}

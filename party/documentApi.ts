import type { JSONContent } from "@tiptap/core";
import type * as Party from "partykit/server";
import * as Y from "yjs";
import { type ChangeMode, documentChange, documentContent } from "./documentChange";
import { fitsInDocument } from "./documentSize";
import { htmlToDocument } from "./htmlToDocument";
import { jsonError } from "./jsonError";
import type { Limits } from "./limits";
import type { RoomDocument } from "./roomDocument";
import { API_CHANGES_PARAM, encodeApiChange } from "./shared/apiChangeMessage";
import { MAX_TITLE_LENGTH, TITLE_FIELD } from "./shared/collabSchema";
import {
  CONTENT_TYPES,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  documentFromMarkdown,
  fileNameFor,
  renderDocument,
} from "./shared/documentFormats";

const PARSERS: Record<string, (text: string) => JSONContent> = {
  "text/markdown": documentFromMarkdown,
  "text/html": htmlToDocument,
};

// Sent as one WebSocket text frame, so it must stay under the 1 MiB frame cap.
const MAX_API_CHANGE_FRAME = 1_000_000;

function isDocumentFormat(format: string): format is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly string[]).includes(format);
}

/** Only a document that has ever had content exists; reading must not make one up. */
function exists(doc: Y.Doc): boolean {
  return doc.store.clients.size > 0;
}

async function readDocument(request: Party.Request, document: RoomDocument): Promise<Response> {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isDocumentFormat(format)) {
    return jsonError(400, "unknown_format", `format must be one of ${DOCUMENT_FORMATS.join(", ")}`);
  }
  const doc = await document.open();
  if (!exists(doc)) return jsonError(404, "not_found", "There is no document with this id");
  const fileName = fileNameFor(doc.getText(TITLE_FIELD).toString(), format);
  return new Response(renderDocument(documentContent(doc), format), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

async function readBody(request: Party.Request, limits: Limits): Promise<string | Response> {
  const tooLarge = () =>
    jsonError(413, "body_too_large", `The body is over the limit of ${limits.maxRequestBytes} bytes`);
  if (Number(request.headers.get("Content-Length")) > limits.maxRequestBytes) return tooLarge();
  const body = await request.arrayBuffer();
  if (body.byteLength > limits.maxRequestBytes) return tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return jsonError(400, "malformed_body", "The body is not valid UTF-8 text");
  }
}

async function writeDocument(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
  limits: Limits,
  mode: ChangeMode,
) {
  // The body is read (within its limit) before anything is refused, so that the client's
  // connection stays usable for its next request.
  const body = await readBody(request, limits);
  if (body instanceof Response) return body;
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const parse = PARSERS[mediaType];
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
  const doc = await document.open();
  const update = documentChange(doc, content, mode, title);
  if (!fitsInDocument(doc, update.byteLength, limits.maxDocumentBytes)) {
    return jsonError(
      413,
      "document_too_large",
      `The change would take the document past ${limits.maxDocumentBytes} bytes`,
    );
  }

  // Editors get the change first as their own, so they can undo it (see apiChangeMessage.ts).
  const frame = encodeApiChange(update);
  if (frame.length <= MAX_API_CHANGE_FRAME) {
    for (const connection of room.getConnections()) {
      if (new URL(connection.uri).searchParams.has(API_CHANGES_PARAM)) connection.send(frame);
    }
  }
  Y.applyUpdate(doc, update);
  // Answered once stored, so a script that gets 200 knows the change is kept.
  await document.flush();
  return Response.json({ ok: true, mode, updateBytes: update.byteLength });
}

/** The document's HTTP API: GET reads it in a chosen format, PUT replaces its content, POST appends to it. */
export function handleDocumentRequest(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
  limits: Limits,
): Promise<Response> {
  switch (request.method) {
    case "GET":
      return readDocument(request, document);
    case "PUT":
      return writeDocument(request, room, document, limits, "replace");
    case "POST":
      return writeDocument(request, room, document, limits, "append");
    default:
      return Promise.resolve(
        jsonError(405, "method_not_allowed", `${request.method} is not supported; use GET, PUT or POST`),
      );
  }
}

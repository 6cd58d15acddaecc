import type { JSONContent } from "@tiptap/core";
import type * as Party from "partykit/server";
import { notAllowedResponse, refusedResponse } from "../access/accessRefusal";
import * as Y from "yjs";
import { concatBytes } from "../concatBytes";
import { fitsInDocument } from "../guard/documentSize";
import { checkUpdate } from "../guard/updateCheck";
import type { Limits } from "../limits";
import type { RoomDocument } from "../roomDocument";
import { NotStoredError } from "../storage/documentStorage";
import { API_CHANGES_PARAM, encodeApiChange } from "../shared/apiChangeMessage";
import { MAX_TITLE_LENGTH, TITLE_FIELD } from "../shared/collabSchema";
import type { Role } from "../shared/roles";
import {
  CONTENT_TYPES,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  documentFromMarkdown,
  fileNameFor,
  renderDocument,
} from "../shared/documentFormats";
import { type ChangeMode, documentChange, documentContent } from "./documentChange";
import { htmlToDocument } from "./htmlToDocument";
import { jsonError } from "./jsonError";

const PARSERS = new Map<string, (text: string) => JSONContent>([
  ["text/markdown", documentFromMarkdown],
  ["text/html", htmlToDocument],
]);

/** Who is asking: the role their key opens, and which of the room's connections are editors. */
export interface Caller {
  role: Role;
  /** False once the document's links were reset after the request was let in. */
  stillAdmitted: () => boolean;
  isEditor: (connection: Party.Connection) => boolean;
}

// Sent as one WebSocket text frame, so it must stay under the 1 MiB frame cap.
const MAX_API_CHANGE_FRAME = 1_000_000;

/** A value for `filename*` (RFC 5987): percent-encoded, with the characters it reserves encoded too. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

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
  const read = await document.read((doc) => {
    if (!exists(doc)) return jsonError(404, "not_found", "There is no document with this id");
    try {
      return {
        fileName: fileNameFor(doc.getText(TITLE_FIELD).toString(), format),
        rendered: renderDocument(documentContent(doc), format),
      };
    } catch (error) {
      console.error("A stored document could not be converted", error);
      return jsonError(500, "unreadable_document", "The stored document could not be converted");
    }
  });
  if (read instanceof Response) return read;
  const { fileName, rendered } = read;
  return new Response(rendered, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `inline; filename*=UTF-8''${encodeRfc5987(fileName)}`,
    },
  });
}

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

async function readBody(request: Party.Request, limits: Limits): Promise<string | Response> {
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

async function writeDocument(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
  limits: Limits,
  mode: ChangeMode,
  caller: Caller,
) {
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
    changed = await document.change((doc) => applyChange(doc, room, content, mode, title, limits, caller));
  } catch (error) {
    if (!(error instanceof NotStoredError)) throw error;
    console.error("A change from the HTTP API could not be stored yet", error);
    return jsonError(503, "not_stored", "The change is made, but could not be written to storage yet; it is retried");
  }
  if (changed instanceof Response) return changed;
  return Response.json({ ok: true, mode, updateBytes: changed });
}

/** Makes the change, as the same check editors' changes pass allows; the update's size, or why not. */
function applyChange(
  doc: Y.Doc,
  room: Party.Room,
  content: JSONContent,
  mode: ChangeMode,
  title: string | undefined,
  limits: Limits,
  caller: Caller,
): Response | number {
  // Checked again in the same step as the change: the links may have been reset while the body arrived.
  if (!caller.stillAdmitted()) return refusedResponse("key-refused");
  const update = documentChange(doc, content, mode, title);
  // The schema's converters should never fail it.
  const verdict = checkUpdate(doc, Y.decodeUpdate(update), update.byteLength);
  if (verdict.kind !== "valid") {
    return jsonError(
      422,
      "invalid_content",
      `The change cannot be made: ${verdict.kind === "invalid" ? verdict.reason : verdict.kind}`,
    );
  }
  if (!fitsInDocument(doc, verdict.growthBound, limits.maxDocumentBytes)) {
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
      const wantsFrame = new URL(connection.uri).searchParams.has(API_CHANGES_PARAM);
      if (wantsFrame && caller.isEditor(connection)) connection.send(frame);
    }
  }
  Y.applyUpdate(doc, update);
  return update.byteLength;
}

/** The document's HTTP API: GET reads it in a chosen format, PUT replaces its content, POST appends to it. */
export function handleDocumentRequest(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
  limits: Limits,
  caller: Caller,
): Promise<Response> {
  return answer(request, room, document, limits, caller).catch((error: unknown) => {
    console.error("A document request failed", error);
    return jsonError(503, "unavailable", "The document could not be read from storage; try again shortly");
  });
}

async function answer(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
  limits: Limits,
  caller: Caller,
): Promise<Response> {
  const writing = request.method === "PUT" || request.method === "POST";
  if (writing && caller.role !== "edit") {
    await request.body?.cancel();
    return notAllowedResponse(caller.role, "change it");
  }
  switch (request.method) {
    case "GET":
      return readDocument(request, document);
    case "PUT":
      return writeDocument(request, room, document, limits, "replace", caller);
    case "POST":
      return writeDocument(request, room, document, limits, "append", caller);
    default:
      return jsonError(405, "method_not_allowed", `${request.method} is not supported; use GET, PUT or POST`);
  }
}

import type * as Party from "partykit/server";
import type * as Y from "yjs";
import { TITLE_FIELD } from "../shared/collabSchema";
import {
  CONTENT_TYPES,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  fileNameFor,
  renderDocument,
} from "../shared/documentFormats";
import { documentContent } from "./documentChange";
import { jsonError } from "./jsonError";

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

/** The format a read asks for (`?format=`, JSON by default), or the error for one there is not. */
export function requestedFormat(request: Party.Request): DocumentFormat | Response {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (isDocumentFormat(format)) return format;
  return jsonError(400, "unknown_format", `format must be one of ${DOCUMENT_FORMATS.join(", ")}`);
}

/** A document in a format, as a file named after its title. */
export function documentResponse(doc: Y.Doc, format: DocumentFormat): Response {
  let rendered: string;
  try {
    rendered = renderDocument(documentContent(doc), format);
  } catch (error) {
    console.error("A stored document could not be converted", error);
    return jsonError(500, "unreadable_document", "The stored document could not be converted");
  }
  const fileName = fileNameFor(doc.getText(TITLE_FIELD).toString(), format);
  return new Response(rendered, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `inline; filename*=UTF-8''${encodeRfc5987(fileName)}`,
    },
  });
}

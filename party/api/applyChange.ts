import type { JSONContent } from "@tiptap/core";
import type * as Party from "partykit/server";
import * as Y from "yjs";
import { refusedResponse } from "../access/accessRefusal";
import { fitsInDocument } from "../guard/documentSize";
import { checkUpdate } from "../guard/updateCheck";
import { ChangeAuthor } from "../history/changeAuthor";
import type { Limits } from "../limits";
import type { ApplyWritten } from "../roomDocument";
import { API_CHANGES_PARAM, encodeApiChange } from "../shared/apiChangeMessage";
import type { Author } from "../shared/history";
import type { Role } from "../shared/roles";
import { type ChangeMode, documentChange } from "./documentChange";
import { jsonError } from "./jsonError";

/** Who is asking: the role their key opens, and which of the room's connections are editors. */
export interface Caller {
  role: Role;
  /** False once the document's links were reset after the request was let in. */
  stillAdmitted: () => boolean;
  isEditor: (connection: Party.Connection) => boolean;
  /** Whom the history records as the author of what the request changes. */
  author: Author;
}

// Sent as one WebSocket text frame, so it must stay under the 1 MiB frame cap.
const MAX_API_CHANGE_FRAME = 1_000_000;

/** Makes the change, as the same check editors' changes pass allows; the update's size, or why not. */
export async function applyChange(
  doc: Y.Doc,
  applyWritten: ApplyWritten,
  { room, limits, caller }: { room: Party.Room; limits: Limits; caller: Caller },
  content: JSONContent,
  mode: ChangeMode,
  title: string | undefined,
): Promise<Response | number> {
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
  const relay = () => {
    const frame = encodeApiChange(update);
    if (frame.length > MAX_API_CHANGE_FRAME) return;
    for (const connection of room.getConnections()) {
      const wantsFrame = new URL(connection.uri).searchParams.has(API_CHANGES_PARAM);
      if (wantsFrame && caller.isEditor(connection)) connection.send(frame);
    }
  };
  await applyWritten(update, new ChangeAuthor(caller.author), relay);
  return update.byteLength;
}

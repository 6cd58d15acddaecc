import { DOCUMENT_PARTY } from "./collabSchema";
import { isValidDocId } from "./docId";

const DOC_ROOM_PREFIX = "doc:";

/** The PartyKit room that holds a document. */
export function docRoomName(docId: string): string {
  return `${DOC_ROOM_PREFIX}${docId}`;
}

/** The path of a document's room over HTTP: its API. */
export function documentApiPath(docId: string): string {
  return `/parties/${DOCUMENT_PARTY}/${docRoomName(docId)}`;
}

/** The document id a room name stands for, or null when the room is not a document room. */
export function docIdFromRoomName(roomName: string): string | null {
  if (!roomName.startsWith(DOC_ROOM_PREFIX)) return null;
  const docId = roomName.slice(DOC_ROOM_PREFIX.length);
  return isValidDocId(docId) ? docId : null;
}

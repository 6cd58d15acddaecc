import type * as Party from "partykit/server";
import { ChunkBudget } from "./chunkBudget";
import { connectGuarded } from "./connectionGuard";
import { handleDocumentRequest } from "./documentApi";
import { jsonError } from "./jsonError";
import { type Limits, limitsFrom } from "./limits";
import { RoomDocument } from "./roomDocument";
import { CloseCode, CloseReason } from "./shared/closeCodes";
import { docIdFromRoomName } from "./shared/roomName";

/** One room per document, `doc:<docId>`; Yjs sync and persistence come from y-partykit. */
export default class DocumentServer implements Party.Server {
  private readonly limits: Limits;
  private readonly document: RoomDocument;
  private readonly chunkBudget: ChunkBudget;

  constructor(readonly room: Party.Room) {
    this.limits = limitsFrom(room.env);
    this.document = new RoomDocument(room);
    // Two documents' worth: two people may paste large content at once.
    this.chunkBudget = new ChunkBudget(this.limits.maxDocumentBytes * 2);
  }

  // Refuse requests to non-document rooms at the edge, without waking a room.
  static onBeforeRequest(request: Party.Request, lobby: Party.Lobby) {
    return isDocumentRoom(lobby.id) ? request : invalidRoomResponse();
  }

  async onConnect(connection: Party.Connection) {
    if (!isDocumentRoom(this.room.id)) {
      connection.close(CloseCode.invalidRoom, CloseReason.invalidRoom);
      return;
    }
    await connectGuarded(connection, this.document, this.limits, this.chunkBudget);
  }

  // The last person out: fold the stored updates into one snapshot for a fast next load.
  async onClose(closed: Party.Connection) {
    const open = [...this.room.getConnections()].filter(
      (connection) => connection !== closed && connection.readyState === WebSocket.OPEN,
    );
    if (open.length === 0 && isDocumentRoom(this.room.id)) await this.document.compact();
  }

  onRequest(request: Party.Request) {
    return handleDocumentRequest(request, this.room, this.document, this.limits);
  }
}

function isDocumentRoom(roomId: string): boolean {
  return docIdFromRoomName(roomId) !== null;
}

function invalidRoomResponse(): Response {
  return jsonError(400, "invalid_room", CloseReason.invalidRoom);
}

DocumentServer satisfies Party.Worker;

import type * as Party from "partykit/server";
import { AwarenessOwners } from "./guard/awarenessOwners";
import { ChunkBudget } from "./guard/chunkBudget";
import { connectGuarded, type RoomGuards } from "./guard/connectionGuard";
import { HeartbeatWatch } from "./guard/heartbeatWatch";
import { handleDocumentRequest } from "./api/documentApi";
import { jsonError } from "./api/jsonError";
import { isStorageStatsRequest, storageStatsResponse } from "./api/storageStatsApi";
import { type Limits, limitsFrom } from "./limits";
import { RoomDocument } from "./roomDocument";
import { CloseCode, CloseReason } from "./shared/closeCodes";
import { storagePolicyFrom } from "./storage/storagePolicy";
import { docIdFromRoomName } from "./shared/roomName";

/** One room per document, `doc:<docId>`; Yjs sync and persistence come from y-partykit. */
export default class DocumentServer implements Party.Server {
  private readonly limits: Limits;
  private readonly document: RoomDocument;
  private readonly guards: RoomGuards;

  constructor(readonly room: Party.Room) {
    this.limits = limitsFrom(room.env);
    this.document = new RoomDocument(room, storagePolicyFrom(room.env));
    this.guards = {
      limits: this.limits,
      // Two documents' worth: two people may paste large content at once.
      chunkBudget: new ChunkBudget(this.limits.maxDocumentBytes * 2),
      awarenessOwners: new AwarenessOwners(),
      heartbeats: new HeartbeatWatch(this.limits.heartbeatPingMs, this.limits.heartbeatDropMs),
    };
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
    await connectGuarded(connection, this.document, this.guards);
  }

  onRequest(request: Party.Request) {
    if (isStorageStatsRequest(request)) return storageStatsResponse(request, this.room, this.document);
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

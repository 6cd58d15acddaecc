import type * as Party from "partykit/server";
import { handleAccessRequest, isAccessRequest } from "./access/accessApi";
import { closeRefused, refusedResponse } from "./access/accessRefusal";
import { DocumentAccess } from "./access/documentAccess";
import { requestKey } from "./access/requestKey";
import { AwarenessOwners } from "./guard/awarenessOwners";
import { ChunkBudget } from "./guard/chunkBudget";
import { connectGuarded, type RoomGuards } from "./guard/connectionGuard";
import { HeartbeatWatch } from "./guard/heartbeatWatch";
import { PresenceFanOut } from "./guard/presenceFanOut";
import type { Caller } from "./api/applyChange";
import { handleDocumentRequest } from "./api/documentApi";
import { handleCommentsRequest, isCommentsRequest } from "./comments/commentsApi";
import { handleHistoryRequest, isHistoryRequest } from "./history/historyApi";
import { requestAuthor } from "./history/requestAuthor";
import { jsonError } from "./api/jsonError";
import { isStorageStatsRequest, storageStatsResponse } from "./api/storageStatsApi";
import { type Limits, limitsFrom } from "./limits";
import { DocumentHistory } from "./history/documentHistory";
import { historyPolicyFrom } from "./history/historyPolicy";
import { RoomDocument } from "./roomDocument";
import { LimitedStorage } from "./storage/limitedStorage";
import { CloseCode, CloseReason } from "./shared/closeCodes";
import { storagePolicyFrom } from "./storage/storagePolicy";
import { docIdFromRoomName } from "./shared/roomName";

/** One room per document, `doc:<docId>`; Yjs sync and persistence come from y-partykit. */
export default class DocumentServer implements Party.Server {
  private readonly limits: Limits;
  private readonly document: RoomDocument;
  private readonly guards: RoomGuards;
  private readonly access: DocumentAccess;
  private readonly history: DocumentHistory;

  constructor(readonly room: Party.Room) {
    this.limits = limitsFrom(room.env);
    this.history = new DocumentHistory(new LimitedStorage(room.storage), historyPolicyFrom(room.env), room.id);
    this.document = new RoomDocument(room, storagePolicyFrom(room.env), this.history);
    this.history.onDue(async () => {
      await this.document.read((doc) => this.history.saveIfPending(doc));
    });
    this.access = new DocumentAccess(room);
    this.guards = {
      limits: this.limits,
      // Two documents' worth: two people may paste large content at once.
      chunkBudget: new ChunkBudget(this.limits.maxDocumentBytes * 2),
      awarenessOwners: new AwarenessOwners(),
      presence: new PresenceFanOut(this.limits.awarenessIntervalMs),
      heartbeats: new HeartbeatWatch(this.limits.heartbeatPingMs, this.limits.heartbeatDropMs),
      history: this.history,
      access: this.access,
    };
  }

  // Refuse requests to non-document rooms at the edge, without waking a room.
  static onBeforeRequest(request: Party.Request, lobby: Party.Lobby) {
    return isDocumentRoom(lobby.id) ? request : invalidRoomResponse();
  }

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext) {
    if (!isDocumentRoom(this.room.id)) {
      connection.close(CloseCode.invalidRoom, CloseReason.invalidRoom);
      return;
    }
    const admission = await this.access.admitConnection(connection, requestKey(context.request));
    if ("refused" in admission) return closeRefused(connection, admission.refused);
    await connectGuarded(connection, this.document, this.guards, admission.role);
  }

  async onRequest(request: Party.Request) {
    const admission = await this.access.admit(requestKey(request));
    if ("refused" in admission) return refusedResponse(admission.refused);
    if (isStorageStatsRequest(request)) return storageStatsResponse(request, this.room, this.document);
    if (isAccessRequest(request)) return handleAccessRequest(request, this.access, admission.role);
    const caller: Caller = {
      role: admission.role,
      stillAdmitted: this.access.untilReset(),
      isEditor: (connection) => this.access.roleOf(connection) === "edit",
      author: requestAuthor(request, this.room, this.history, admission.role),
    };
    const context = { request, room: this.room, document: this.document, limits: this.limits, caller };
    if (isHistoryRequest(request)) return handleHistoryRequest(context, this.history);
    if (isCommentsRequest(request)) return handleCommentsRequest(context);
    return handleDocumentRequest(context);
  }
}

function isDocumentRoom(roomId: string): boolean {
  return docIdFromRoomName(roomId) !== null;
}

function invalidRoomResponse(): Response {
  return jsonError(400, "invalid_room", CloseReason.invalidRoom);
}

DocumentServer satisfies Party.Worker;

import type * as Party from "partykit/server";
import { HISTORY_PREFIXES } from "../history/documentHistory";
import type { RoomDocument } from "../roomDocument";
import { DOCUMENT_PREFIXES } from "../storage/storedEntries";
import type { RoomStorageStats } from "../shared/storageStats";
import { jsonError } from "./jsonError";

/** Set to 1 to serve what a room's storage holds at `<room URL>/storage` (for tests and benchmarks). */
export const STORAGE_STATS_VAR = "COWRITE_STORAGE_STATS";

export function isStorageStatsRequest(request: Party.Request): boolean {
  return new URL(request.url).pathname.endsWith("/storage");
}

/** The room's storage figures: the document's keys and bytes, its writes and their lag to disk; the history's keys. */
export async function storageStatsResponse(
  request: Party.Request,
  room: Party.Room,
  document: RoomDocument,
): Promise<Response> {
  if (room.env[STORAGE_STATS_VAR] !== "1") return jsonError(404, "not_found", "Storage figures are not served here");
  if (request.method !== "GET") return jsonError(405, "method_not_allowed", "Use GET");
  const keys = [...(await room.storage.list()).keys()];
  const under = (prefixes: readonly string[]) =>
    keys.filter((key) => prefixes.some((prefix) => key.startsWith(prefix))).length;
  const body: RoomStorageStats = {
    storedKeys: under(DOCUMENT_PREFIXES),
    historyKeys: under(HISTORY_PREFIXES),
    inMemory: await document.stats(),
  };
  return Response.json(body);
}

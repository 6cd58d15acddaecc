import { documentApiPath } from "../party/shared/roomName";
import type { RoomStorageStats } from "../party/shared/storageStats";

export async function storageStats(serverUrl: string, docId: string): Promise<RoomStorageStats> {
  const response = await fetch(`${serverUrl}${documentApiPath(docId)}/storage`);
  if (!response.ok) throw new Error(`Storage figures: ${response.status} ${await response.text()}`);
  return (await response.json()) as RoomStorageStats;
}

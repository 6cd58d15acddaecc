import { ACCESS_PARAM, type AccessGrant, type AccessKeys, RESET_ACCESS } from "../party/shared/roles";
import { documentApiPath } from "../party/shared/roomName";

/** Gives a document new keys over HTTP, as the app's New document and Reset links do; returns them. */
export async function resetKeys(
  baseURL: string | undefined,
  docId: string,
  editKey: string | null = null,
): Promise<AccessKeys> {
  const response = await fetch(`${baseURL ?? ""}${documentApiPath(docId)}?${ACCESS_PARAM}=${RESET_ACCESS}`, {
    method: "POST",
    headers: editKey === null ? {} : { Authorization: `Bearer ${editKey}` },
  });
  if (!response.ok) throw new Error(`Reset answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as AccessGrant).keys as AccessKeys;
}

import {
  AUTHORS_PARAM,
  type Author,
  RESTORE_PARAM,
  VERSION_PARAM,
  type VersionInfo,
  VERSIONS_PARAM,
  YJS_PARAM,
} from "../../party/shared/history";
import { decodeVersionRecord, type VersionRecord } from "../../party/shared/versionRecord";
import type { DocumentSession } from "./documentSession";
import { sessionRequest } from "./sessionRequest";

function historyRequest(session: DocumentSession, query: Record<string, string>, method = "GET") {
  return sessionRequest(session, query, { method });
}

/** The document's versions, newest first. */
export async function listVersions(session: DocumentSession): Promise<VersionInfo[]> {
  return ((await (await historyRequest(session, { [VERSIONS_PARAM]: "" })).json()) as { versions: VersionInfo[] })
    .versions;
}

export async function saveVersion(session: DocumentSession, name: string): Promise<VersionInfo> {
  const query: Record<string, string> = { [VERSIONS_PARAM]: "" };
  if (name.trim()) query.name = name.trim();
  return (await (await historyRequest(session, query, "POST")).json()) as VersionInfo;
}

export async function restoreVersion(session: DocumentSession, id: number): Promise<VersionInfo> {
  const query = { [VERSION_PARAM]: String(id), [RESTORE_PARAM]: "" };
  return (await (await historyRequest(session, query, "POST")).json()) as VersionInfo;
}

export async function fetchVersion(session: DocumentSession, id: number): Promise<VersionRecord> {
  const response = await historyRequest(session, { [VERSION_PARAM]: String(id), [YJS_PARAM]: "" });
  return decodeVersionRecord(new Uint8Array(await response.arrayBuffer()));
}

/** Who wrote with each Yjs client id, as the server recorded it. */
export async function fetchAuthors(session: DocumentSession): Promise<Map<number, Author>> {
  const { authors } = (await (await historyRequest(session, { [AUTHORS_PARAM]: "" })).json()) as {
    authors: Record<string, Author>;
  };
  return new Map(Object.entries(authors).map(([client, author]) => [Number(client), author]));
}

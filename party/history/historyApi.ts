import type * as Party from "partykit/server";
import * as Y from "yjs";
import { notAllowedResponse, refusedResponse } from "../access/accessRefusal";
import { applyChange } from "../api/applyChange";
import { documentContent } from "../api/documentChange";
import { documentResponse, requestedFormat } from "../api/documentResponse";
import { jsonError } from "../api/jsonError";
import { orUnavailable, type RoomRequest } from "../api/roomRequest";
import { TITLE_FIELD } from "../shared/collabSchema";
import {
  AUTHORS_PARAM,
  cutName,
  RESTORE_PARAM,
  VERSION_PARAM,
  type VersionInfo,
  VERSIONS_PARAM,
  YJS_PARAM,
} from "../shared/history";
import { type DocumentHistory, VersionRefused } from "./documentHistory";

export function isHistoryRequest(request: Party.Request): boolean {
  const query = new URL(request.url).searchParams;
  return query.has(VERSIONS_PARAM) || query.has(VERSION_PARAM) || query.has(AUTHORS_PARAM);
}

function versionLabel(version: VersionInfo): string {
  return version.name ?? new Date(version.time).toISOString().replace("T", " ").slice(0, 16);
}

/** A version's document, loaded apart from the live one. */
async function versionDoc(history: DocumentHistory, id: number): Promise<Y.Doc | null> {
  const record = await history.read(id);
  if (!record) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, record.state);
  return doc;
}

const NO_VERSION = () => jsonError(404, "no_such_version", "There is no version with this id");

/**
 * The document's history over HTTP: `GET ?versions` lists versions, `POST ?versions[&name=]`
 * saves one, `GET ?version=<id>&format=` reads one, `POST ?version=<id>&restore` makes the
 * document equal to it again, as a new change; `GET ?authors` tells who wrote with each Yjs
 * client id. Reading needs the comment role; writing, edit.
 */
export function handleHistoryRequest(context: RoomRequest, history: DocumentHistory): Promise<Response> {
  return orUnavailable(
    answer(context, history),
    "A history request failed",
    "The document's history could not be read or written; try again shortly",
  );
}

async function answer(context: RoomRequest, history: DocumentHistory): Promise<Response> {
  const { request, document, caller } = context;
  if (caller.role === "view") return notAllowedResponse(caller.role, "see its history");
  const query = new URL(request.url).searchParams;
  const writing = request.method === "POST";
  if (writing && caller.role !== "edit") return notAllowedResponse(caller.role, "save or restore versions");
  if (request.method !== "GET" && !writing) return jsonError(405, "method_not_allowed", "Use GET or POST");
  if (writing && !caller.stillAdmitted()) return refusedResponse("key-refused");

  if (query.has(AUTHORS_PARAM) && !writing) {
    return Response.json({ authors: Object.fromEntries(await history.authors()) });
  }
  if (query.has(VERSIONS_PARAM)) {
    if (!writing) return Response.json({ versions: await history.list() });
    const name = cutName(query.get("name")?.trim() ?? "") || null;
    return refusalAs409(async () => {
      const saved = await document.read((doc) => (doc.store.clients.size > 0 ? history.save(doc, name) : null));
      return saved ? Response.json(saved) : jsonError(404, "not_found", "There is no document with this id");
    });
  }

  const id = Number(query.get(VERSION_PARAM));
  const version = (await history.list()).find((listed) => listed.id === id);
  if (version && !writing && query.has(YJS_PARAM)) {
    const record = await history.readEncoded(id);
    return record ? new Response(record, { headers: { "Content-Type": "application/octet-stream" } }) : NO_VERSION();
  }
  const doc = version ? await versionDoc(history, id) : null;
  if (!version || !doc) return NO_VERSION();
  if (!writing) {
    const format = requestedFormat(request);
    return format instanceof Response ? format : documentResponse(doc, format);
  }
  if (!query.has(RESTORE_PARAM)) return jsonError(400, "unknown_action", "POST ?version=<id>&restore restores it");
  const content = documentContent(doc);
  const title = doc.getText(TITLE_FIELD).toString();
  return refusalAs409(async () => {
    const restored = await document.change(async (live, applyWritten) => {
      const changed = await applyChange(live, applyWritten, context, content, "replace", title);
      return changed instanceof Response ? changed : history.save(live, `Restored from ${versionLabel(version)}`, id);
    });
    return restored instanceof Response ? restored : Response.json(restored);
  });
}

/** A version the history refuses to save (VersionRefused) is the caller's to fix: 409, with why. */
async function refusalAs409(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof VersionRefused) return jsonError(409, "version_refused", error.message);
    throw error;
  }
}

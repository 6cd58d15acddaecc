import type * as Party from "partykit/server";
import { clientKeyIn } from "../clientKey";
import { jsonError } from "../api/jsonError";
import { ACCESS_PARAM, type AccessGrant, RESET_ACCESS, type Role } from "../shared/roles";
import { notAllowedResponse } from "./accessRefusal";
import type { DocumentAccess } from "./documentAccess";

export function isAccessRequest(request: Party.Request): boolean {
  return new URL(request.url).searchParams.has(ACCESS_PARAM);
}

// Keys are secrets: no cache along the way may keep them.
function grantResponse(grant: AccessGrant): Response {
  return Response.json(grant, { headers: { "Cache-Control": "no-store" } });
}

/** `GET ?access`: the caller's role and the links it may share. `POST ?access=reset`: new keys for the document. */
export async function handleAccessRequest(
  request: Party.Request,
  access: DocumentAccess,
  role: Role,
): Promise<Response> {
  const resetting = new URL(request.url).searchParams.get(ACCESS_PARAM) === RESET_ACCESS;
  if (request.method === "GET" && !resetting) return grantResponse(await access.grantFor(role));
  if (request.method === "POST" && resetting) {
    if (role !== "edit") return notAllowedResponse(role, "reset its links");
    try {
      return grantResponse({ role, keys: await access.reset(clientKeyIn(request.url)) });
    } catch (error) {
      console.error("New access keys could not be stored", error);
      return jsonError(
        503,
        "not_stored",
        "The new links could not be stored; the old ones still work. Try again shortly",
      );
    }
  }
  return jsonError(
    405,
    "method_not_allowed",
    "Use GET ?access to read your access, or POST ?access=reset to reset the links",
  );
}

import { jsonError } from "../api/jsonError";
import { CloseCode, CloseReason } from "../shared/closeCodes";
import type { Role } from "../shared/roles";
import type { Admission } from "./documentAccess";

type Refused = Extract<Admission, { refused: unknown }>["refused"];

// The same answer whether or not the document exists, so a refusal tells nothing about it.
const REFUSALS: Record<Refused, { status: number; code: number; reason: string }> = {
  "key-required": { status: 401, code: CloseCode.keyRequired, reason: CloseReason.keyRequired },
  "key-refused": { status: 403, code: CloseCode.keyRefused, reason: CloseReason.keyRefused },
  unavailable: {
    status: 503,
    code: CloseCode.internalError,
    reason: "The document's access could not be checked; try again shortly",
  },
};

const ROLE_NAMES: Record<Role, string> = { edit: "edit", comment: "comment on", view: "only view" };

/** Closes a connection whose key got no role, saying why. */
export function closeRefused(connection: { close(code: number, reason: string): void }, refused: Refused): void {
  const { code, reason } = REFUSALS[refused];
  connection.close(code, reason);
}

/** The HTTP answer to a request whose key got no role. */
export function refusedResponse(refused: Refused): Response {
  const { status, reason } = REFUSALS[refused];
  return jsonError(status, refused.replaceAll("-", "_"), reason);
}

/** The HTTP answer to a request its role does not allow. */
export function notAllowedResponse(role: Role, action: string): Response {
  return jsonError(
    403,
    "not_allowed",
    `This link can ${ROLE_NAMES[role]} this document: to ${action}, use its edit link`,
  );
}

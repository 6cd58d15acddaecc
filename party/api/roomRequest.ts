import type * as Party from "partykit/server";
import type { Limits } from "../limits";
import type { RoomDocument } from "../roomDocument";
import type { Caller } from "./applyChange";
import { jsonError } from "./jsonError";

/** An HTTP request to a room, with what answering it works with. */
export interface RoomRequest {
  request: Party.Request;
  room: Party.Room;
  document: RoomDocument;
  limits: Limits;
  caller: Caller;
}

/** `answer`'s response; should it fail, the failure logged and a 503 that says what could not be done. */
export function orUnavailable(answer: Promise<Response>, failed: string, message: string): Promise<Response> {
  return answer.catch((error: unknown) => {
    console.error(failed, error);
    return jsonError(503, "unavailable", message);
  });
}

import type * as Party from "partykit/server";
import { clientKeyIn } from "../clientKey";
import { AUTHOR_PARAM, type Author, cutName } from "../shared/history";
import type { Role } from "../shared/roles";
import { apiAuthor } from "./changeAuthor";
import type { DocumentHistory } from "./documentHistory";

/**
 * Whom a request's changes are recorded for: the person of the app tab that sent it (its
 * `clientKey`, a secret of that tab's own connection), else the name given with `?author=`
 * (an API caller's word about itself), else "API". The role is the request's own.
 */
export function requestAuthor(request: Party.Request, room: Party.Room, history: DocumentHistory, role: Role): Author {
  const clientKey = clientKeyIn(request.url);
  if (clientKey !== null) {
    for (const connection of room.getConnections()) {
      const person = clientKeyIn(connection.uri) === clientKey ? history.personOf(connection) : undefined;
      if (person) return { ...person, role };
    }
  }
  const named = new URL(request.url).searchParams.get(AUTHOR_PARAM);
  return apiAuthor(named === null ? null : cutName(named));
}

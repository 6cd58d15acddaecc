import { type AwarenessUser, displayColor } from "../../party/shared/collabSchema";
import { higherRole, isRole, type Role } from "../../party/shared/roles";

export interface PresentPerson {
  /** Stable per person: their identity id, or the Yjs client id for clients that publish none. */
  key: string;
  name: string;
  color: string;
  isSelf: boolean;
  /** What they may do: the server stamps it on each state; with several tabs, the most any of them may. */
  role: Role;
}

// Other clients' names are untrusted: bound what we show.
const MAX_SHOWN_NAME = 80;

export function readUser(state: unknown): AwarenessUser | null {
  const user = (state as { user?: unknown } | null)?.user;
  if (typeof user !== "object" || user === null) return null;
  const { name, color, id } = user as Record<string, unknown>;
  if (typeof name !== "string") return null;
  return {
    name: name.slice(0, MAX_SHOWN_NAME),
    color: displayColor(color),
    id: typeof id === "string" ? id : undefined,
  };
}

/** The key under which a client shows in presence: its person's identity id, or the client's own id. */
export function personKeyOf(clientId: number, user: AwarenessUser): string {
  return user.id ?? `client:${clientId}`;
}

// Only states from this browser's other editing tabs arrive unstamped (read-only pages share nothing between tabs).
function readRole(state: unknown): Role {
  const role = (state as { role?: unknown } | null)?.role;
  return isRole(role) ? role : "edit";
}

/**
 * Who is in the document, one entry per person (several tabs of one person count once),
 * from awareness states: yourself first, then everyone else by name. Your own state is not
 * stamped by the server, so your role is given.
 */
export function presentPeople(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  selfRole: Role,
): PresentPerson[] {
  const selfId = readUser(states.get(selfClientId))?.id;
  const people = new Map<string, PresentPerson>();
  for (const [clientId, state] of states) {
    const user = readUser(state);
    if (!user) continue;
    const key = personKeyOf(clientId, user);
    const isSelf = clientId === selfClientId || (selfId !== undefined && user.id === selfId);
    const role = clientId === selfClientId ? selfRole : readRole(state);
    const seen = people.get(key);
    const mostOfTabs = seen ? higherRole(seen.role, role) : role;
    if (seen && clientId !== selfClientId) seen.role = mostOfTabs;
    else people.set(key, { key, name: user.name, color: user.color, isSelf, role: mostOfTabs });
  }
  return [...people.values()].sort(
    (first, second) => Number(second.isSelf) - Number(first.isSelf) || first.name.localeCompare(second.name),
  );
}

/** Whether two lists show the same people alike: every field of each, in the same order. */
export function samePeople(first: readonly PresentPerson[], second: readonly PresentPerson[]): boolean {
  return (
    first.length === second.length &&
    first.every((person, index) => {
      const other = second[index];
      return (
        other !== undefined &&
        (Object.keys(person) as (keyof PresentPerson)[]).every((field) => person[field] === other[field])
      );
    })
  );
}

import type { AwarenessUser } from "../shared/collabSchema";
import type { Author } from "../shared/history";
import type { Role } from "../shared/roles";

/**
 * Who a connection is, from an awareness state it published for its own client id (already
 * checked for shape), with the role the server admitted it with; null for a state with no user.
 */
export function personInAwareness(json: string, clientId: number, role: Role): Author | null {
  const user = (JSON.parse(json) as { user?: AwarenessUser } | null)?.user;
  if (!user) return null;
  return { key: user.id ?? `client:${clientId}`, name: user.name, color: user.color ?? null, role };
}

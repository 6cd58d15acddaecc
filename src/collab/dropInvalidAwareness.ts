import type { Awareness } from "y-protocols/awareness";
import { awarenessStateProblem } from "../../party/shared/awarenessState";

/**
 * Forgets other clients' awareness states that would break the caret plugin, should one get
 * past the server (an older server, a bug). Listening before the editor exists puts this
 * ahead of the caret plugin's own listener, so the plugin never sees such a state.
 */
export function dropInvalidAwareness(awareness: Awareness): void {
  awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }) => {
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const problem = awarenessStateProblem(JSON.stringify(awareness.states.get(clientId) ?? null));
      if (problem === null) continue;
      console.warn(`Ignoring the awareness state of client ${clientId}: ${problem}`);
      awareness.states.delete(clientId);
    }
  });
}

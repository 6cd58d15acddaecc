import type YPartyKitProvider from "y-partykit/provider";

type AwarenessChange = Parameters<YPartyKitProvider["_awarenessUpdateHandler"]>[0];

/**
 * Has the provider send this tab's own presence only. y-partykit's provider, like
 * y-websocket's, sends every change of awareness it hears, others' too: each caret move in the
 * room came back to the server from everyone who heard it (to be dropped there, since a
 * connection speaks only for itself), at the cost of an encoding and a send in every tab.
 */
export function sendOwnPresenceOnly(provider: YPartyKitProvider): void {
  const { awareness } = provider;
  const sendChange = provider._awarenessUpdateHandler;
  const own = (clients: number[]) => clients.filter((client) => client === awareness.clientID);
  const sendOwnChange = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const change = { added: own(added), updated: own(updated), removed: own(removed) };
    if (change.added.length + change.updated.length + change.removed.length > 0) sendChange(change, origin);
  };
  awareness.off("update", sendChange);
  awareness.on("update", sendOwnChange);
  // The provider stops listening by this name when it is destroyed.
  provider._awarenessUpdateHandler = sendOwnChange;
}

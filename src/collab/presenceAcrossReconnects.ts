import type YPartyKitProvider from "y-partykit/provider";

/**
 * Awareness takes a state only with a newer clock than the last it saw for that client. When a
 * connection closes, the server drops this tab's state and this tab drops everyone else's, but
 * both keep the clocks. On reconnect the provider sends its state again, and the server sends
 * the others', all with the clocks already seen, so both would be ignored until each state
 * next changed (its renewal, every 15 s). So on each connection this tab announces its state
 * with the next clock and forgets the clocks of the clients it no longer has a state for.
 */
export function keepPresenceAcrossReconnects(provider: YPartyKitProvider): void {
  const { awareness } = provider;
  provider.on("status", ({ status }: { status: string }) => {
    if (status !== "connected") return;
    for (const clientId of awareness.meta.keys()) {
      if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
    }
    const state = awareness.getLocalState();
    if (state !== null) awareness.setLocalState(state);
  });
}

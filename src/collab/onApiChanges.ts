import type YPartyKitProvider from "y-partykit/provider";
import { decodeApiChange } from "../../party/shared/apiChangeMessage";

/**
 * Calls `apply` with each change made to the document through the HTTP API, ahead of the
 * ordinary update (see party/shared/apiChangeMessage.ts). Follows the provider across
 * reconnects; returns the function that stops listening.
 */
export function onApiChanges(provider: YPartyKitProvider, apply: (update: Uint8Array) => void): () => void {
  let socket: WebSocket | null = null;
  const onMessage = (event: MessageEvent) => {
    const update = typeof event.data === "string" ? decodeApiChange(event.data) : null;
    if (update) apply(update);
  };
  // The provider makes a new socket for each attempt, and says so with a status event.
  const follow = () => {
    if (provider.ws === socket) return;
    socket?.removeEventListener("message", onMessage);
    socket = provider.ws;
    socket?.addEventListener("message", onMessage);
  };
  follow();
  provider.on("status", follow);
  return () => {
    provider.off("status", follow);
    socket?.removeEventListener("message", onMessage);
  };
}

import { useCallback, useSyncExternalStore } from "react";
import type YPartyKitProvider from "y-partykit/provider";

export type ConnectionStatus = "connecting" | "connected" | "offline";

/**
 * Connecting until the first connection opens; offline once an attempt has failed, until
 * one opens again (the provider keeps retrying with backoff and says so on each attempt).
 */
function statusOf(provider: YPartyKitProvider): ConnectionStatus {
  if (provider.wsconnected) return "connected";
  return provider.wsUnsuccessfulReconnects > 0 ? "offline" : "connecting";
}

export function useConnectionStatus(provider: YPartyKitProvider): ConnectionStatus {
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.on("status", onChange);
      provider.on("connection-close", onChange);
      return () => {
        provider.off("status", onChange);
        provider.off("connection-close", onChange);
      };
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => statusOf(provider));
}

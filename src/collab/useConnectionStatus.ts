import { useEffect, useState } from "react";
import type YPartyKitProvider from "y-partykit/provider";

export type ConnectionStatus = "connecting" | "connected" | "offline";

/**
 * Connecting until the first connection opens; offline from any lost or failed
 * connection until one opens again (the provider keeps retrying with backoff).
 */
export function useConnectionStatus(provider: YPartyKitProvider): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>(provider.wsconnected ? "connected" : "connecting");
  useEffect(() => {
    const onStatus = ({ status: providerStatus }: { status: string }) => {
      if (providerStatus === "connected") setStatus("connected");
    };
    const onClose = () => setStatus("offline");
    provider.on("status", onStatus);
    provider.on("connection-close", onClose);
    if (provider.wsconnected) setStatus("connected");
    return () => {
      provider.off("status", onStatus);
      provider.off("connection-close", onClose);
    };
  }, [provider]);
  return status;
}

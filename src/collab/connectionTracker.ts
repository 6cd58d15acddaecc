import type YPartyKitProvider from "y-partykit/provider";
import { ACCESS_CLOSE_CODES, FINAL_CLOSE_CODES } from "../../party/shared/closeCodes";

export type ConnectionStatus = "connecting" | "connected" | "offline";

export interface ConnectionState {
  status: ConnectionStatus;
  /** Why the server refused this client's changes, when retrying cannot help; null otherwise. */
  refusal: string | null;
  /** Why the server no longer lets this page in (its link was reset, say); null while it does. */
  lostAccess: string | null;
}

const UNEXPLAINED_REFUSAL = "The server refused this document's changes.";

/**
 * One provider's connection as people should see it: connecting until the first connection
 * opens, offline from any close until one opens again (the provider keeps retrying), and
 * refused, with no more retries, when the server says retrying cannot help: either this
 * client's changes, or the page's link itself.
 */
export class ConnectionTracker {
  private state: ConnectionState = { status: "connecting", refusal: null, lostAccess: null };
  private readonly listeners = new Set<() => void>();

  constructor(provider: YPartyKitProvider) {
    provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected") this.update({ status: "connected", refusal: null, lostAccess: null });
    });
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event && FINAL_CLOSE_CODES.includes(event.code)) {
        provider.disconnect();
        const reason = event.reason || UNEXPLAINED_REFUSAL;
        const lostAccess = ACCESS_CLOSE_CODES.includes(event.code);
        this.update({ status: "offline", refusal: lostAccess ? null : reason, lostAccess: lostAccess ? reason : null });
      } else if (this.state.status !== "offline") {
        this.update({ ...this.state, status: "offline" });
      }
    });
  }

  current = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(next: ConnectionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

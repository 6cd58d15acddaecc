import type YPartyKitProvider from "y-partykit/provider";

const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 2500;

/** "Equal jitter": half the exponential delay for attempt n, plus a random share of the other half. */
export function jitteredDelay(attempt: number, random: () => number = Math.random): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  return delay / 2 + (random() * delay) / 2;
}

/**
 * y-partykit's provider retries after min(2ⁿ × 100 ms, maxBackoffTime): the same delays for
 * every client, so after a server restart they all knock at once. It emits "connection-close"
 * just before it computes the next delay, so setting the cap there jitters each retry.
 */
export function addReconnectJitter(provider: YPartyKitProvider): void {
  provider.on("connection-close", () => {
    const attempt = provider.wsconnected ? 0 : provider.wsUnsuccessfulReconnects + 1;
    provider.maxBackoffTime = jitteredDelay(attempt);
  });
}

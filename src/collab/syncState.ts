import type { DocumentSession } from "./documentSession";

/** Whether the page is in sync with the room now: changes that come are live ones, not catching up. */
export function isInSync(session: DocumentSession): boolean {
  return session.provider.synced;
}

/** Resolves once the page has caught up with the room. */
export function untilInSync(session: DocumentSession): Promise<void> {
  if (session.provider.synced) return Promise.resolve();
  return new Promise((resolve) => session.provider.once("synced", () => resolve()));
}

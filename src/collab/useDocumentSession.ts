import { useCallback, useSyncExternalStore } from "react";
import { acquireDocumentSession, type DocumentSession, peekDocumentSession } from "./documentSession";

/** The open session for a document while the calling component is mounted; null until it is open. */
export function useDocumentSession(docId: string): DocumentSession | null {
  // Holding the subscription is holding a lease: the session opens with the first and closes after the last.
  const subscribe = useCallback((_onChange: () => void) => acquireDocumentSession(docId), [docId]);
  return useSyncExternalStore(subscribe, () => peekDocumentSession(docId));
}

import { useCallback, useSyncExternalStore } from "react";
import { acquireDocumentSession, type OpeningDocument, peekDocumentSession } from "./documentSession";

/** The session for a document, opened with a link's key, while the calling component is mounted. */
export function useDocumentSession(docId: string, key: string | null): OpeningDocument {
  // Holding the subscription is holding a lease: the session opens with the first and closes after the last.
  const subscribe = useCallback((onChange: () => void) => acquireDocumentSession(docId, key, onChange), [docId, key]);
  return useSyncExternalStore(subscribe, () => peekDocumentSession(docId));
}

import { useEffect, useState } from "react";
import { acquireDocumentSession, type DocumentSession } from "./documentSession";

/** The open session for a document while the calling component is mounted; null until it is open. */
export function useDocumentSession(docId: string): DocumentSession | null {
  const [session, setSession] = useState<DocumentSession | null>(null);
  useEffect(() => {
    const { session: acquired, release } = acquireDocumentSession(docId);
    setSession(acquired);
    return release;
  }, [docId]);
  return session?.docId === docId ? session : null;
}

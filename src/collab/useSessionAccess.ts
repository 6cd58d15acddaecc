import { useSyncExternalStore } from "react";
import type { PageAccess, SessionAccess } from "./sessionAccess";

/** What this page may do with its document, kept current across link resets. */
export function useSessionAccess(access: SessionAccess): PageAccess {
  return useSyncExternalStore(access.subscribe, access.current);
}

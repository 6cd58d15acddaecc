import { useSyncExternalStore } from "react";
import type { ConnectionState, ConnectionTracker } from "./connectionTracker";

/** The document's connection state, kept current. */
export function useConnectionState(connection: ConnectionTracker): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.current);
}

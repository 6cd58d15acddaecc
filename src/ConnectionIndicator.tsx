import type { ConnectionStatus } from "./collab/connectionTracker";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  offline: "Offline",
};

const HINTS: Record<ConnectionStatus, string> = {
  connecting: "Reaching the server",
  connected: "Changes are shared live",
  offline: "Changes are saved on this device and shared when the connection is back",
};

/** Whether this document is live with the server. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-state={status}
      title={HINTS[status]}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[status]}
      {status === "offline" && <span className="connection-hint"> · changes are saved on this device</span>}
    </span>
  );
}

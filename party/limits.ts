import { settingsFrom } from "./settings";
import { DEFAULT_HEARTBEAT_DROP_MS, DEFAULT_HEARTBEAT_PING_MS } from "./shared/heartbeat";

/** What every document room enforces. The README lists these and what users see at each. */
export interface Limits {
  /** The largest single WebSocket frame, in bytes: Cloudflare's own cap, 1 MiB. */
  maxFrameBytes: number;
  /** The largest document, as its encoded Yjs state, in bytes. It also bounds one chunked message. */
  maxDocumentBytes: number;
  /**
   * The shortest interval between awareness updates taken from one connection, and about the
   * shortest between presence messages sent to one; those in between are merged.
   */
  awarenessIntervalMs: number;
  /** The largest body of an HTTP request that writes a document. */
  maxRequestBytes: number;
  /** How long a heartbeat connection may be silent before it is pinged, and how often it is pinged then. */
  heartbeatPingMs: number;
  /** How long a heartbeat connection may be silent, pings unanswered, before it is closed as gone. */
  heartbeatDropMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: 1024 * 1024,
  maxDocumentBytes: 5_000_000,
  awarenessIntervalMs: 50,
  maxRequestBytes: 512 * 1024,
  heartbeatPingMs: DEFAULT_HEARTBEAT_PING_MS,
  heartbeatDropMs: DEFAULT_HEARTBEAT_DROP_MS,
};

const ENV_NAMES: Record<keyof Limits, string> = {
  maxFrameBytes: "COWRITE_MAX_FRAME_BYTES",
  maxDocumentBytes: "COWRITE_MAX_DOCUMENT_BYTES",
  awarenessIntervalMs: "COWRITE_AWARENESS_INTERVAL_MS",
  maxRequestBytes: "COWRITE_MAX_REQUEST_BYTES",
  heartbeatPingMs: "COWRITE_HEARTBEAT_PING_MS",
  heartbeatDropMs: "COWRITE_HEARTBEAT_DROP_MS",
};

/** The limits, with any set in the environment in place of the defaults. */
export function limitsFrom(env: Record<string, unknown>): Limits {
  const limits = settingsFrom(env, DEFAULT_LIMITS, ENV_NAMES);
  // Else a quiet connection would be dropped without ever being pinged.
  if (limits.heartbeatDropMs <= limits.heartbeatPingMs) {
    throw new Error(`${ENV_NAMES.heartbeatDropMs} must be longer than ${ENV_NAMES.heartbeatPingMs}`);
  }
  return limits;
}

/** What every document room enforces. The README lists these and what users see at each. */
export interface Limits {
  /** The largest single WebSocket frame, in bytes: Cloudflare's own cap, 1 MiB. */
  maxFrameBytes: number;
  /** The largest document, as its encoded Yjs state, in bytes. It also bounds one chunked message. */
  maxDocumentBytes: number;
  /** The shortest interval between awareness updates taken from one connection; those in between are merged. */
  awarenessIntervalMs: number;
  /** The largest body of an HTTP request that writes a document. */
  maxRequestBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: 1024 * 1024,
  maxDocumentBytes: 5_000_000,
  awarenessIntervalMs: 50,
  maxRequestBytes: 512 * 1024,
};

const ENV_NAMES: Record<keyof Limits, string> = {
  maxFrameBytes: "COWRITE_MAX_FRAME_BYTES",
  maxDocumentBytes: "COWRITE_MAX_DOCUMENT_BYTES",
  awarenessIntervalMs: "COWRITE_AWARENESS_INTERVAL_MS",
  maxRequestBytes: "COWRITE_MAX_REQUEST_BYTES",
};

/** The limits, with any set in the environment (`partykit dev --var NAME=value`) in place of the defaults. */
export function limitsFrom(env: Record<string, unknown>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof Limits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${ENV_NAMES[key]} must be a positive whole number, not ${JSON.stringify(raw)}`);
    }
    limits[key] = value;
  }
  return limits;
}

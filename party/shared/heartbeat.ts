/**
 * The heartbeat, by which the server notices a client whose network vanished without a
 * close frame. A client opts in with this query parameter and answers every `HEARTBEAT_PING`
 * text frame with `HEARTBEAT_PONG`. The server pings a connection it has heard nothing from
 * for a while, and closes one that stays silent for longer. Plain Yjs clients leave the
 * parameter out: they get no text frames and are never closed for being quiet.
 */
export const HEARTBEAT_PARAM = "heartbeat";
export const HEARTBEAT_PING = "ping";
export const HEARTBEAT_PONG = "pong";

/** Silence, in ms, after which the server pings, and then pings again at most this often. */
export const DEFAULT_HEARTBEAT_PING_MS = 2000;
/** Silence, in ms, beyond which the server closes the connection as gone. */
export const DEFAULT_HEARTBEAT_DROP_MS = 7000;

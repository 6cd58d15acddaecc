/**
 * WebSocket close codes the server uses, so clients can tell a refusal from a network
 * failure. Codes 1003/1007/1009 are the standard ones. Cowrite's own follow y-websocket's
 * reading of them: 44xx are refusals that reconnecting cannot fix, so a plain Yjs client
 * stops; 45xx ask the client to reconnect, which it does by itself.
 */
export const CloseCode = {
  /** A text frame that is not part of the sync protocol. */
  unsupportedData: 1003,
  /** A frame that is not a well-formed Yjs sync or awareness message. */
  malformedMessage: 1007,
  /** A frame over the frame limit. */
  messageTooBig: 1009,
  /** The server failed on the message: a bug of ours, logged; retrying may help. */
  internalError: 1011,
  /** The room is holding too much of other connections' large messages: retry shortly. */
  tryAgainLater: 1013,
  invalidRoom: 4400,
  /** The document has share links, and the connection came without a key. */
  keyRequired: 4401,
  /** The key does not open this document: it is wrong, or its links were reset. */
  keyRefused: 4403,
  /** An editor reset the document's links while this connection was open with one of the old ones. */
  linksReset: 4410,
  /**
   * A heartbeat connection sent nothing, not even a pong, for longer than the silence limit:
   * its network is presumably gone. A client that is still there reconnects.
   */
  silent: 4508,
  /** The change builds on changes the server does not have: reconnecting syncs them first. */
  outOfSync: 4509,
  /**
   * The change adds to a Yjs client id another writer first wrote under (see writerKey.ts).
   * Reconnecting helps only an honest client holding someone's changes the server lost: once
   * their writer sends those changes again, its own go through.
   */
  foreignClientId: 4511,
  /** The change would take the document past its size limit; nothing of it was applied. */
  documentTooLarge: 4413,
} as const;

/**
 * Refusals that retrying cannot fix, since the client would send the same again: it should
 * stop reconnecting and say why.
 */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.unsupportedData,
  CloseCode.malformedMessage,
  CloseCode.messageTooBig,
  CloseCode.invalidRoom,
  CloseCode.documentTooLarge,
  CloseCode.keyRequired,
  CloseCode.keyRefused,
  CloseCode.linksReset,
];

/** Refusals of the link itself: the page has lost access to the document, not just a change. */
export const ACCESS_CLOSE_CODES: readonly number[] = [
  CloseCode.keyRequired,
  CloseCode.keyRefused,
  CloseCode.linksReset,
];

export const CloseReason = {
  invalidRoom: "Invalid room name: rooms are doc:<id> with id [A-Za-z0-9_-]{1,64}",
  keyRequired: "This document opens only with a share link: ask someone who can edit it for one",
  keyRefused: "This link does not open this document: it is wrong, or its links were reset",
  linksReset: "This document's links were reset, so this link no longer works: ask an editor for a new one",
} as const;

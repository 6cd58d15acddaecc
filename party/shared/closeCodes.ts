/**
 * WebSocket close codes the server uses (application range 4000–4999),
 * so clients can tell a refusal from a network failure and stop retrying.
 */
export const CloseCode = {
  invalidRoom: 4400,
} as const;

export const CloseReason = {
  invalidRoom: "Invalid room name: rooms are doc:<id> with id [A-Za-z0-9_-]{1,64}",
} as const;

/** The JSON body of every HTTP error response. */
export interface ErrorBody {
  error: { code: string; message: string };
}

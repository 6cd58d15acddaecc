import type { YPartyKitOptions } from "y-partykit";

/**
 * The one set of y-partykit options for a document room. y-partykit keeps the first
 * options a room's document was opened with, so every caller must share these.
 * Snapshot mode stores the merged document state in the room's storage, so the
 * document survives restarts and evictions without an ever-growing update log.
 * `gc: false` is what persistence implies; spelled out, because y-partykit otherwise
 * writes it into the options object it is given.
 */
export const DOCUMENT_OPTIONS: YPartyKitOptions = {
  persist: { mode: "snapshot" },
  gc: false,
};

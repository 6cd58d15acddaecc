import type * as Party from "partykit/server";

/** The room's name for log lines. PartyKit cannot tell a room woken by its alarm its id, only its internal one. */
export function roomLabel(room: Party.Room): string {
  try {
    return room.id;
  } catch {
    return `(woken by its alarm) ${room.internalID}`;
  }
}

/** A connection as far as awareness ownership is concerned. */
export interface AwarenessSpeaker {
  /** The secret its client connected with (`CLIENT_KEY_PARAM`), or null for a client that sent none. */
  readonly key: string | null;
  /** The writer it speaks for (see authorTable.ts). */
  readonly writer: string;
  /** The client ids it speaks for now. */
  readonly owned: Set<number>;
  /** Its place in the order connections arrived in (`AwarenessOwners.arrival`). */
  readonly since: number;
  /** Stops speaking for an id another connection of the same client has taken over. */
  disown(clientId: number): void;
}

interface Ownership {
  speaker: AwarenessSpeaker | null;
  key: string | null;
  writer: string;
}

// y-protocols' Awareness keeps the client id it was made with, so a client needs one per
// connection; each more would be another presence entry under the sender's control.
const MAX_IDS_PER_CONNECTION = 1;
// Ids whose connection left are remembered for their key, so that only that client takes them
// back; past this many (a few MB), the oldest are forgotten. Each needs a connection of its own
// to claim, so flushing a victim's id out takes this many connections.
const MAX_REMEMBERED = 50_000;

/**
 * Which connection speaks for each Yjs client id in a room's awareness. The first connection
 * to publish a state for a free id owns it until it leaves; a later connection with the same
 * client key (the same tab, reconnecting while its old socket lingers) may take it over; nobody
 * else can set or clear it. y-websocket's provider echoes everyone's states back, so entries for
 * ids a connection does not own are dropped, not refused.
 */
export class AwarenessOwners {
  private readonly ownership = new Map<number, Ownership>();
  private arrivals = 0;

  /** The next connection's place in the order of arrival. */
  arrival(): number {
    return ++this.arrivals;
  }

  /** Whether `speaker` may set or clear `clientId`'s state; claims the id when it may. */
  claim(speaker: AwarenessSpeaker, clientId: number): boolean {
    const current = this.ownership.get(clientId);
    if (current?.speaker === speaker) return true;
    const free = current === undefined || (current.speaker === null && current.key === null);
    // A late message on a tab's older socket does not take the id back from its newer one.
    const sameClient =
      current !== undefined &&
      current.key !== null &&
      current.key === speaker.key &&
      (current.speaker === null || current.speaker.since < speaker.since);
    if (!(free || sameClient) || speaker.owned.size >= MAX_IDS_PER_CONNECTION) return false;
    current?.speaker?.disown(clientId);
    this.ownership.delete(clientId);
    this.ownership.set(clientId, { speaker, key: speaker.key, writer: speaker.writer });
    speaker.owned.add(clientId);
    this.forgetOldest();
    return true;
  }

  /** The writer of the connection that speaks, or last spoke, for `clientId` in awareness. */
  writerOf(clientId: number): string | undefined {
    return this.ownership.get(clientId)?.writer;
  }

  /** A connection left: its ids are free again, except to others while they have a key. */
  release(speaker: AwarenessSpeaker): void {
    for (const clientId of speaker.owned) {
      const current = this.ownership.get(clientId);
      if (current?.speaker !== speaker) continue;
      if (current.key === null) this.ownership.delete(clientId);
      else current.speaker = null;
    }
    speaker.owned.clear();
  }

  private forgetOldest(): void {
    if (this.ownership.size <= MAX_REMEMBERED) return;
    for (const [clientId, { speaker }] of this.ownership) {
      if (speaker !== null) continue;
      this.ownership.delete(clientId);
      if (this.ownership.size <= MAX_REMEMBERED) return;
    }
  }
}

/** What the watch does to a connection it watches. */
export interface HeartbeatPeer {
  /** Sends the ping, which the client answers. */
  ping(): void;
  /** Closes the connection as gone. */
  drop(): void;
}

/** One connection under watch. */
export interface Heartbeat {
  /** Something arrived from the connection, so it is still there. */
  heard(): void;
  /** Stops watching it: it closed. */
  stop(): void;
}

interface Watched {
  peer: HeartbeatPeer;
  lastHeard: number;
  lastPing: number;
}

/**
 * A room's heartbeat connections, looked at twice per ping interval by one timer, which runs
 * only while there is a connection to watch. A connection silent for `pingAfterMs` is pinged,
 * and again at most every `pingAfterMs`; one silent for more than `dropAfterMs` is dropped.
 * A look costs one pass over the watched connections.
 */
export class HeartbeatWatch {
  private readonly watched = new Set<Watched>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly pingAfterMs: number,
    private readonly dropAfterMs: number,
  ) {}

  watch(peer: HeartbeatPeer): Heartbeat {
    const watched: Watched = { peer, lastHeard: Date.now(), lastPing: Number.NEGATIVE_INFINITY };
    this.watched.add(watched);
    this.timer ??= setInterval(() => this.look(), this.pingAfterMs / 2);
    return {
      heard: () => {
        watched.lastHeard = Date.now();
      },
      stop: () => this.unwatch(watched),
    };
  }

  private unwatch(watched: Watched): void {
    this.watched.delete(watched);
    if (this.watched.size > 0) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  private look(): void {
    const now = Date.now();
    for (const watched of this.watched) {
      const silence = now - watched.lastHeard;
      if (silence > this.dropAfterMs) {
        this.unwatch(watched);
        watched.peer.drop();
      } else if (silence >= this.pingAfterMs && now - watched.lastPing >= this.pingAfterMs) {
        watched.lastPing = now;
        watched.peer.ping();
      }
    }
  }
}

import * as Y from "yjs";
import type { SeenPoint } from "../collab/seenPoint";

/**
 * Keeps the point the reader has seen the document up to. While they watch it live (the page
 * is shown and in sync) and nothing is waiting to be looked at, every change is seen as it
 * comes. A change that comes otherwise (catching up after a reload or being offline, or into
 * a hidden tab) is news, and the point stays put until the reader marks it seen. The reader's
 * own deletions are always seen: they are no news to them.
 */
export class SeenTracker {
  /** Null while the point is "now": it is worked out only when a change will not be seen. */
  private base: Y.Snapshot | null;
  private time: number;
  /** Whether a change may be waiting to be looked at. */
  private waiting = false;

  constructor(
    private readonly doc: Y.Doc,
    seen: SeenPoint,
    private readonly watchingLive: () => boolean,
    private readonly onMoved: () => void,
  ) {
    this.base = seen.snapshot;
    this.time = seen.time;
    // A point that is everything the page holds is "now".
    if (Y.equalSnapshots(seen.snapshot, Y.snapshot(doc))) this.base = null;
    this.waiting = this.base !== null;
    doc.on("beforeTransaction", this.before);
    doc.on("afterTransaction", this.after);
  }

  destroy(): void {
    this.doc.off("beforeTransaction", this.before);
    this.doc.off("afterTransaction", this.after);
  }

  /** The seen point, or null when it is now, so nothing changed since. */
  since(): Y.Snapshot | null {
    return this.base;
  }

  seenAt(): number {
    return this.time;
  }

  /** Tells whether anything was waiting to be looked at; once nothing is, live changes are seen again. */
  settle(anythingNew: boolean): void {
    this.waiting = anythingNew;
  }

  /** Everything in the document now is seen. */
  markSeen(): void {
    this.base = null;
    this.waiting = false;
    this.time = Date.now();
    this.onMoved();
  }

  /** The point to store. */
  current(): SeenPoint {
    return { snapshot: this.base ?? Y.snapshot(this.doc), time: this.time };
  }

  private seesLive(transaction: Y.Transaction): boolean {
    return !this.waiting && (transaction.local || this.watchingLive());
  }

  private readonly before = (transaction: Y.Transaction) => {
    if (this.base === null && !this.seesLive(transaction)) this.base = Y.snapshot(this.doc);
  };

  private readonly after = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    if (this.seesLive(transaction)) {
      this.base = null;
      this.time = Date.now();
      this.onMoved();
      return;
    }
    if (this.base && transaction.local && transaction.deleteSet.clients.size > 0) {
      this.base = Y.createSnapshot(Y.mergeDeleteSets([this.base.ds, transaction.deleteSet]), this.base.sv);
      this.onMoved();
    }
    if (!transaction.local) this.waiting = true;
  };
}

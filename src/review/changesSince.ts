import * as Y from "yjs";
import type { EditorBinding } from "../editor/editorBinding";
import { itemRuns } from "./itemRuns";

/** Text others added since then (`from` < `to`), or a point where they deleted some (`from` = `to`). */
export interface Change {
  from: number;
  to: number;
  /** The Yjs client that added it; null for a deletion, whose author the document does not keep. */
  client: number | null;
}

/** Changes next to each other: what a reader steps through. */
export interface Passage {
  from: number;
  to: number;
  changes: Change[];
}

function existedAt(base: Y.Snapshot, id: Y.ID): boolean {
  return id.clock < (base.sv.get(id.client) ?? 0);
}

/**
 * What changed in the body since `base`, in document order, leaving out what `isOwn` says the
 * reader wrote. An item Yjs merged across the base (typing that went on) counts from the base on.
 */
export function changesSince(binding: EditorBinding, base: Y.Snapshot, isOwn: (client: number) => boolean): Change[] {
  const changes: Change[] = [];
  itemRuns(binding.type, binding.mapping, (item) => {
    const { client, clock } = item.id;
    if (item.kind === "deleted") {
      const last = Y.createID(client, clock + item.length - 1);
      const deletedSince = !Y.isDeleted(base.ds, item.id) || !Y.isDeleted(base.ds, last);
      if (existedAt(base, item.id) && deletedSince) {
        const previous = changes.at(-1);
        if (previous?.from !== item.at || previous.to !== item.at)
          changes.push({ from: item.at, to: item.at, client: null });
      }
      return;
    }
    if (isOwn(client)) return;
    const seenUpTo = base.sv.get(client) ?? 0;
    const from = item.from + Math.max(0, seenUpTo - clock);
    if (from >= item.to) return;
    const previous = changes.at(-1);
    if (previous?.client === client && previous.to === from) previous.to = item.to;
    else changes.push({ from, to: item.to, client });
  });
  return changes;
}

/** Changes grouped into passages: those that touch, or are only a paragraph break apart, are one. */
export function passagesOf(changes: readonly Change[]): Passage[] {
  const passages: Passage[] = [];
  for (const change of changes) {
    const previous = passages.at(-1);
    if (previous && change.from - previous.to <= 2) {
      previous.to = Math.max(previous.to, change.to);
      previous.changes.push(change);
    } else passages.push({ from: change.from, to: change.to, changes: [change] });
  }
  return passages;
}

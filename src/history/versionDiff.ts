import * as Y from "yjs";
import type { Author } from "../../party/shared/history";
import type { VersionRecord } from "../../party/shared/versionRecord";

/** y-tiptap's PermanentUserData as its snapshot rendering reads it: who added and who deleted each item. */
export interface ChangeAuthors {
  dss: Map<string, unknown>;
  getUserByClientId: (client: number) => string;
  getUserByDeletedId: (id: Y.ID) => string;
}

export interface VersionDiff {
  /** A throwaway document holding both versions, never the live one. */
  doc: Y.Doc;
  snapshot: Y.Snapshot;
  prevSnapshot: Y.Snapshot;
  changeAuthors: ChangeAuthors;
}

const UNKNOWN_AUTHOR = "unknown";

/**
 * What changed from `previous` (none for the first version) to `current`, ready for
 * y-tiptap's snapshot rendering: both states in one document that keeps deleted content,
 * and who made each insertion (the server's record of client ids) and deletion (the
 * version's record of who deleted what).
 */
export function versionDiff(
  current: VersionRecord,
  previous: VersionRecord | null,
  authors: ReadonlyMap<number, Author>,
): VersionDiff {
  const doc = new Y.Doc({ gc: false });
  if (previous) Y.applyUpdate(doc, previous.state);
  const prevSnapshot = Y.snapshot(doc);
  Y.applyUpdate(doc, current.state);
  const snapshot = Y.snapshot(doc);
  const deletions = [...current.deletions].map(([key, bytes]) => ({ key, ds: Y.decodeSnapshot(bytes).ds }));
  return {
    doc,
    snapshot,
    prevSnapshot,
    changeAuthors: {
      dss: new Map(),
      getUserByClientId: (client) => authors.get(client)?.key ?? UNKNOWN_AUTHOR,
      getUserByDeletedId: (id) => deletions.find(({ ds }) => Y.isDeleted(ds, id))?.key ?? UNKNOWN_AUTHOR,
    },
  };
}

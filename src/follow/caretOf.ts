import type { EditorState } from "@tiptap/pm/state";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { personKeyOf, readUser } from "../collab/presentPeople";
import { positionIn } from "../editor/editorBinding";

/** Where a client's caret is in the editor, from its awareness state; null if it has none here. */
function caretInState(state: EditorState, awarenessState: unknown): number | null {
  const head = (awarenessState as { cursor?: { head?: unknown } | null } | null)?.cursor?.head;
  if (!head) return null;
  try {
    return positionIn(state, Y.createRelativePositionFromJSON(head));
  } catch {
    // Another client's state: a position that does not parse is as good as none.
    return null;
  }
}

/**
 * Where a person's caret is in the editor: of their tabs with a caret in the text, the one
 * that moved last. Null when they have none (not in the text, or gone).
 */
export function caretOf(state: EditorState, awareness: Awareness, personKey: string): number | null {
  let newest: { at: number; updated: number } | null = null;
  for (const [clientId, awarenessState] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = readUser(awarenessState);
    if (!user || personKeyOf(clientId, user) !== personKey) continue;
    const at = caretInState(state, awarenessState);
    const updated = awareness.meta.get(clientId)?.lastUpdated ?? 0;
    if (at !== null && (!newest || updated > newest.updated)) newest = { at, updated };
  }
  return newest?.at ?? null;
}

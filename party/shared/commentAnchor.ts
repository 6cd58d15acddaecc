import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FIELD } from "./collabSchema";
import type { CommentAnchor, RelativePositionJSON } from "./comments";

/** The binding's map from Yjs types to the ProseMirror nodes they show. */
type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

function isId(value: unknown): value is { client: number; clock: number } {
  const id = value as { client?: unknown; clock?: unknown } | null;
  return typeof id === "object" && id !== null && Number.isSafeInteger(id.client) && Number.isSafeInteger(id.clock);
}

/**
 * A relative position in the body, with nothing else in it; null for anything else. It points
 * at an item, or at the end of a type (a node's text, or the body itself).
 */
function bodyPosition(value: unknown): RelativePositionJSON | null {
  const position = value as { item?: unknown; type?: unknown; tname?: unknown; assoc?: unknown } | null;
  if (typeof position !== "object" || position === null) return null;
  const assoc = position.assoc ?? 0;
  if (assoc !== 0 && assoc !== -1) return null;
  if (isId(position.item)) return { item: { client: position.item.client, clock: position.item.clock }, assoc };
  if (isId(position.type)) return { type: { client: position.type.client, clock: position.type.clock }, assoc };
  if (position.tname === DOCUMENT_FIELD) return { tname: DOCUMENT_FIELD, assoc };
  return null;
}

/** An anchor sent by a client, kept to what an anchor holds; null if it is not one. */
export function parseAnchor(value: unknown): CommentAnchor | null {
  const anchor = value as { start?: unknown; end?: unknown } | null;
  if (typeof anchor !== "object" || anchor === null) return null;
  const start = bodyPosition(anchor.start);
  const end = bodyPosition(anchor.end);
  return start && end ? { start, end } : null;
}

/** The anchor of the passage from `from` to `to` (ProseMirror positions of the body). */
export function anchorOf(from: number, to: number, body: Y.XmlFragment, mapping: Mapping): CommentAnchor {
  const at = (position: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(position, body, mapping)) as RelativePositionJSON;
  return { start: at(from), end: at(to) };
}

/** Where an anchor's passage is now, or null once its text is deleted. */
export function anchorRange(
  doc: Y.Doc,
  body: Y.XmlFragment,
  anchor: CommentAnchor,
  mapping: Mapping,
): { from: number; to: number } | null {
  try {
    const resolve = (position: RelativePositionJSON) =>
      relativePositionToAbsolutePosition(doc, body, Y.createRelativePositionFromJSON(position), mapping);
    const from = resolve(anchor.start);
    const to = resolve(anchor.end);
    return from !== null && to !== null && to > from ? { from, to } : null;
  } catch {
    // A position the binding cannot place (inside a node it does not show): no passage.
    return null;
  }
}

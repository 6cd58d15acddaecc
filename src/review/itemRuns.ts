import * as Y from "yjs";
import type { BindingMapping } from "../editor/editorBinding";

/** Where a Yjs item shows in the editor: text from `from` to `to`, or, once deleted, the point it was at. */
export type ItemRun =
  { kind: "shown"; from: number; to: number; id: Y.ID } | { kind: "deleted"; at: number; id: Y.ID; length: number };

function walkText(text: Y.XmlText, start: number, visit: (run: ItemRun) => void): void {
  let position = start;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) visit({ kind: "deleted", at: position, id: item.id, length: item.length });
    else if (item.countable) {
      visit({ kind: "shown", from: position, to: position + item.length, id: item.id });
      position += item.length;
    }
  }
}

/** Walks `type`'s children from `start`; returns the position after them. */
function walkChildren(
  type: Y.XmlFragment | Y.XmlElement,
  start: number,
  mapping: BindingMapping,
  visit: (run: ItemRun) => void,
): number {
  let position = start;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) {
      visit({ kind: "deleted", at: position, id: item.id, length: item.length });
      continue;
    }
    const child = (item.content as Y.ContentType).type;
    if (child instanceof Y.XmlText) {
      walkText(child, position, visit);
      position += child.length;
      continue;
    }
    // A node the binding does not show (not an element, or one the schema refused) takes no room.
    if (!(child instanceof Y.XmlElement)) continue;
    const node = mapping.get(child);
    if (!node || Array.isArray(node)) continue;
    if (node.isLeaf) visit({ kind: "shown", from: position, to: position + 1, id: item.id });
    else walkChildren(child, position + 1, mapping, visit);
    position += node.nodeSize;
  }
  return position;
}

/**
 * Every item of the document body in editor order, with its ProseMirror position: what each
 * character's Yjs id is, and where deleted items were. The mapping must match the editor's
 * document, which it does between transactions.
 */
export function itemRuns(body: Y.XmlFragment, mapping: BindingMapping, visit: (run: ItemRun) => void): void {
  walkChildren(body, 0, mapping, visit);
}

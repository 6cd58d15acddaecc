import { relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { EditorBinding } from "./editorBinding";

/** Text a transaction added, where it shows in the editor, and the Yjs client that wrote it. */
export interface InsertedRange {
  client: number;
  from: number;
  to: number;
}

/**
 * Where the text `transaction` added shows in the editor. Read after the binding has shown the
 * transaction (in `afterTransaction`), so its mapping matches. Yjs may have merged the new text
 * into the item before it, so only the new part of an item counts.
 */
export function insertedRanges(transaction: Y.Transaction, binding: EditorBinding): InsertedRange[] {
  const ranges: InsertedRange[] = [];
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client) ?? [];
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index];
      if (!struct || struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentString)) continue;
      const start = Math.max(before, struct.id.clock);
      const end = Math.min(after, struct.id.clock + struct.length);
      const position = Y.createRelativePositionFromJSON({ item: { client, clock: start } });
      const from = relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
      if (from !== null) ranges.push({ client, from, to: from + end - start });
    }
  }
  return ranges;
}

import type { Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/** Whether a transaction brings in a change from elsewhere (the Yjs binding's, undo and redo included). */
export function isRemoteChange(transaction: Transaction): boolean {
  return Boolean((transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin);
}

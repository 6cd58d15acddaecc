import { Extension } from "@tiptap/core";
import { Plugin, type Transaction } from "@tiptap/pm/state";
import { fixTablesKey } from "@tiptap/pm/tables";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/** Whether a transaction brings in a change from elsewhere (the Yjs binding's). */
function isRemote(transaction: Transaction): boolean {
  return Boolean((transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin);
}

/**
 * Tables are repaired only for your own edits. prosemirror-tables pads a table whose rows came
 * out uneven (one person added a row while another added a column); done on a change from
 * elsewhere, every open editor pads the same row at once, the pads add up, and each round
 * sets off the next until the table fills the document (prosemirror-tables issue 249). An
 * uneven table still shows, and is made even by the next edit of someone in it.
 */
export const LocalTableFixes = Extension.create({
  name: "localTableFixes",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (transaction) => {
          const root = transaction.getMeta("appendedTransaction") as Transaction | undefined;
          return !(root && transaction.getMeta(fixTablesKey) && isRemote(root));
        },
      }),
    ];
  },
});

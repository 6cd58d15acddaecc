import { Extension } from "@tiptap/core";
import { Plugin, type Transaction } from "@tiptap/pm/state";
import { fixTablesKey } from "@tiptap/pm/tables";
import { isRemoteChange } from "./isRemoteChange";

/** The plugin of LocalTableFixes, on its own for tests. */
export function localTableFixes(): Plugin {
  // ProseMirror filters a transaction before it marks it as appended to another, so the
  // repair is known by what it was made from: the document a remote change left.
  let remoteResult: Transaction["doc"] | null = null;
  return new Plugin({
    filterTransaction: (transaction) => {
      if (isRemoteChange(transaction)) remoteResult = transaction.doc;
      return !(transaction.getMeta(fixTablesKey) && transaction.before === remoteResult);
    },
  });
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
  addProseMirrorPlugins: () => [localTableFixes()],
});

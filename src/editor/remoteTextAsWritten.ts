import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { isRemoteChange } from "./isRemoteChange";

/**
 * Text from elsewhere (the device copy, the server, a collaborator) comes in as it was written:
 * TipTap's autolink would otherwise link it again here, as this person, and read the whole of
 * a long document for addresses as it opens.
 */
export const RemoteTextAsWritten = Extension.create({
  name: "remoteTextAsWritten",
  addProseMirrorPlugins: () => [
    new Plugin({
      filterTransaction: (transaction) => {
        if (isRemoteChange(transaction)) transaction.setMeta("preventAutolink", true);
        return true;
      },
    }),
  ],
});

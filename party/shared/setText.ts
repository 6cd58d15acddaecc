import { simpleDiffString } from "lib0/diff";
import type * as Y from "yjs";

/** Makes a Y.Text read `value` by changing only what differs, so concurrent edits elsewhere in it survive. */
export function setText(text: Y.Text, value: string): void {
  const { index, remove, insert } = simpleDiffString(text.toString(), value);
  if (remove === 0 && insert === "") return;
  text.doc?.transact(() => {
    text.delete(index, remove);
    text.insert(index, insert);
  });
}

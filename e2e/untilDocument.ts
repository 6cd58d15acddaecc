import type * as Y from "yjs";

/** Resolves as soon as `ready` holds, checking after every change the document gets. */
export function untilDocument(doc: Y.Doc, ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return;
      doc.off("update", check);
      resolve();
    };
    doc.on("update", check);
    check();
  });
}

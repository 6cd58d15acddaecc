import type * as Y from "yjs";

const latestOrigins = new WeakMap<Y.Doc, { origin: unknown }>();

/**
 * Reads the origin of the document's latest transaction, as y-partykit sends that
 * transaction's update out: Yjs ends a transaction, then emits its update, which y-partykit
 * sends from its listener to every connection, the one it came from too.
 */
export function latestTransactionOrigin(doc: Y.Doc): () => unknown {
  let latest = latestOrigins.get(doc);
  if (!latest) {
    const entry = { origin: undefined as unknown };
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      entry.origin = transaction.origin;
    });
    latestOrigins.set(doc, entry);
    latest = entry;
  }
  const read = latest;
  return () => read.origin;
}

import * as Y from "yjs";

const knownSizes = new WeakMap<Y.Doc, number>();

/**
 * Whether an update of `updateBytes` keeps the document within `maxBytes` of encoded state.
 * Sizes are tracked as an upper bound and measured exactly only near the limit,
 * so ordinary edits cost nothing.
 */
export function fitsInDocument(doc: Y.Doc, updateBytes: number, maxBytes: number): boolean {
  const measure = () => Y.encodeStateAsUpdate(doc).byteLength;
  let size = knownSizes.get(doc) ?? measure();
  if (size + updateBytes > maxBytes) size = measure();
  const fits = size + updateBytes <= maxBytes;
  knownSizes.set(doc, fits ? size + updateBytes : size);
  return fits;
}

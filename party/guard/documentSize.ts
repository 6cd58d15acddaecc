import * as Y from "yjs";

const knownSizes = new WeakMap<Y.Doc, number>();

/**
 * Whether a change that grows the document's encoded state by at most `growthBound` bytes
 * keeps it within `maxBytes`. Sizes are tracked as an upper bound and measured exactly only
 * near the limit, so ordinary edits cost nothing; a change that adds nothing always fits.
 */
export function fitsInDocument(doc: Y.Doc, growthBound: number, maxBytes: number): boolean {
  if (growthBound === 0) return true;
  const measure = () => Y.encodeStateAsUpdate(doc).byteLength;
  let size = knownSizes.get(doc) ?? measure();
  if (size + growthBound > maxBytes) size = measure();
  const fits = size + growthBound <= maxBytes;
  knownSizes.set(doc, fits ? size + growthBound : size);
  return fits;
}

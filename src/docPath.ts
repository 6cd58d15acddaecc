import { isValidDocId } from "../party/shared/docId";
import { KEY_PARAM } from "../party/shared/roles";

const DOC_PATH = /^\/d\/([^/]+)\/?$/;

/** The address of a document in the app, with the key of a share link when it has one. */
export function docPath(docId: string, key: string | null = null): string {
  return key === null ? `/d/${docId}` : `/d/${docId}?${KEY_PARAM}=${encodeURIComponent(key)}`;
}

/** The document id in an app path like `/d/<docId>`, or null when the path is not a document. */
export function docIdFromPath(pathname: string): string | null {
  const docId = DOC_PATH.exec(pathname)?.[1];
  return docId !== undefined && isValidDocId(docId) ? docId : null;
}

/** The share link key in an address's query (`?key=`), or null when it has none. */
export function keyFromSearch(search: string): string | null {
  return new URLSearchParams(search).get(KEY_PARAM);
}

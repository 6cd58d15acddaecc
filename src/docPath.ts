import { isValidDocId } from "../party/shared/docId";

const DOC_PATH = /^\/d\/([^/]+)\/?$/;

/** The address of a document in the app. */
export function docPath(docId: string): string {
  return `/d/${docId}`;
}

/** The document id in an app path like `/d/<docId>`, or null when the path is not a document. */
export function docIdFromPath(pathname: string): string | null {
  const docId = DOC_PATH.exec(pathname)?.[1];
  return docId !== undefined && isValidDocId(docId) ? docId : null;
}

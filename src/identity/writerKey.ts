import { randomToken } from "../../party/shared/randomToken";

const STORAGE_KEY = "cowrite:writer";

let pageKey: string | undefined;

/**
 * This browser's writer key (see party/shared/writerKey.ts): made once and kept in
 * localStorage, so its tabs and later visits share it; where storage is off, it lasts as
 * long as the page.
 */
export function writerKey(): string {
  if (pageKey) return pageKey;
  try {
    pageKey = localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage switched off: a key for this page alone.
  }
  if (pageKey) return pageKey;
  pageKey = randomToken();
  try {
    localStorage.setItem(STORAGE_KEY, pageKey);
  } catch {
    // As above.
  }
  return pageKey;
}

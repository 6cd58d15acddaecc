import { newDocId } from "../../party/shared/docId";
import {
  ACCESS_PARAM,
  type AccessGrant,
  type AccessKeys,
  isRole,
  KEY_PATTERN,
  RESET_ACCESS,
} from "../../party/shared/roles";
import { CLIENT_KEY_PARAM } from "../../party/shared/awarenessState";
import { documentApiPath } from "../../party/shared/roomName";
import { responseError } from "./responseError";

/** What the server said about a link: what it grants, that it grants nothing (and why), or nothing at all. */
export type AccessAnswer =
  { kind: "granted"; grant: AccessGrant } | { kind: "refused"; reason: string } | { kind: "unreachable" };

// Past this, the page opens from what it knows (the device copy), as when offline.
const ACCESS_TIMEOUT_MS = 4000;

/** The key goes in a header rather than the URL, which servers and proxies log. */
export function keyHeaders(key: string | null): HeadersInit {
  return key === null ? {} : { Authorization: `Bearer ${key}` };
}

function isGrant(value: unknown): value is AccessGrant {
  return typeof value === "object" && value !== null && isRole((value as AccessGrant).role);
}

/** Answers asked for ahead, by document and key, each taken once; and every document and key asked about. */
const askedAhead = new Map<string, Promise<AccessAnswer>>();
const asked = new Set<string>();
const askedId = (docId: string, key: string | null) => `${docId} ${key ?? ""}`;

/**
 * Asks what a link lets this page do while the document page's code still loads, so that the
 * answer is there when the code is: once per document and key in a page's life, and not once
 * the page has asked itself. A key no header could carry is left for the page to refuse.
 */
export function askAccessAhead(docId: string, key: string | null): void {
  const id = askedId(docId, key);
  if (asked.has(id) || (key !== null && !KEY_PATTERN.test(key))) return;
  asked.add(id);
  askedAhead.set(id, requestAccess(docId, key));
}

/** What the link (`key`, or none) lets this page do with the document: the answer asked ahead, or a new one. */
export function fetchAccess(docId: string, key: string | null): Promise<AccessAnswer> {
  const id = askedId(docId, key);
  const ahead = askedAhead.get(id);
  askedAhead.delete(id);
  asked.add(id);
  return ahead ?? requestAccess(docId, key);
}

async function requestAccess(docId: string, key: string | null): Promise<AccessAnswer> {
  try {
    const response = await fetch(`${documentApiPath(docId)}?${ACCESS_PARAM}`, {
      headers: keyHeaders(key),
      cache: "no-store",
      signal: AbortSignal.timeout(ACCESS_TIMEOUT_MS),
    });
    if (response.status === 401 || response.status === 403) {
      return { kind: "refused", reason: await responseError(response) };
    }
    const grant: unknown = response.ok ? await response.json() : null;
    return isGrant(grant) ? { kind: "granted", grant } : { kind: "unreachable" };
  } catch {
    return { kind: "unreachable" };
  }
}

/**
 * Gives the document new keys (its first, for a new one), so that every older link stops
 * working; the tab whose `clientKey` is given keeps its connection. Throws an Error that says
 * what went wrong.
 */
export async function resetAccess(docId: string, key: string | null, clientKey: string | null): Promise<AccessKeys> {
  const query = new URLSearchParams({ [ACCESS_PARAM]: RESET_ACCESS });
  if (clientKey !== null) query.set(CLIENT_KEY_PARAM, clientKey);
  const response = await fetch(`${documentApiPath(docId)}?${query}`, {
    method: "POST",
    headers: keyHeaders(key),
  }).catch(() => {
    throw new Error("Cowrite cannot reach its server: check your connection and try again");
  });
  if (!response.ok) throw new Error(await responseError(response));
  const { keys } = (await response.json()) as AccessGrant;
  if (!keys?.edit || !keys.comment || !keys.view) throw new Error("The server answered without the new links");
  return { edit: keys.edit, comment: keys.comment, view: keys.view };
}

/** A new document with its share links; resolves with its id and edit key. */
export async function createDocument(): Promise<{ docId: string; key: string }> {
  const docId = newDocId();
  const keys = await resetAccess(docId, null, null);
  return { docId, key: keys.edit };
}

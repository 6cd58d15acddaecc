import { type Role, rolesSharedBy } from "../../party/shared/roles";
import type { PageAccess } from "../collab/sessionAccess";
import { docPath } from "../docPath";

export interface ShareLink {
  role: Role;
  url: string;
}

/** A document's full address with a link's key, to send to someone. */
export function shareUrl(docId: string, key: string | null): string {
  return new URL(docPath(docId, key), window.location.origin).href;
}

/** The link this page itself opened the document with (after a reset, its new edit link). */
export function ownLink(docId: string, access: PageAccess): string {
  return shareUrl(docId, access.key);
}

/**
 * The links this page may hand on, most first. Without keys to show (an open document, or the
 * server out of reach) that is the page's own link.
 */
export function linksToShare(docId: string, access: PageAccess): ShareLink[] {
  if (access.keys === null) return [{ role: access.role, url: ownLink(docId, access) }];
  const { keys } = access;
  return rolesSharedBy(access.role).flatMap((role) => {
    const key = keys[role];
    return key ? [{ role, url: shareUrl(docId, key) }] : [];
  });
}

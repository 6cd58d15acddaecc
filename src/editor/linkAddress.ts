import { isAllowedLinkHref } from "../../party/shared/documentSchema";

/**
 * What someone typed as a link's address, as the link to store, or null if it cannot be one.
 * As in other editors, `example.com` means https and `ann@example.com` means mail.
 */
export function linkAddress(typed: string): string | null {
  const address = typed.trim();
  if (address === "") return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(address)
    ? address
    : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(address)
      ? `mailto:${address}`
      : `https://${address}`;
  return isAllowedLinkHref(withScheme) ? withScheme : null;
}

import { useRef, useState } from "react";
import type { Role } from "../../party/shared/roles";
import type { PageAccess } from "../collab/sessionAccess";
import { useCloseOnOutsideClick } from "../useCloseOnOutsideClick";
import { CopyButton } from "./CopyButton";
import { linksToShare } from "./shareLinks";

interface ShareMenuProps {
  docId: string;
  access: PageAccess;
  /** Replaces the document's links; rejects with an Error that says why it could not. */
  onReset: () => Promise<void>;
}

const ROLE_LABELS: Record<Role, string> = { edit: "Can edit", comment: "Can comment", view: "Can view" };
const ROLE_HINTS: Record<Role, string> = {
  edit: "Changes the text and title, and can share every link",
  comment: "Reads live and comments; cannot change the text",
  view: "Reads live; cannot change anything",
};

/** The links this page may hand on, each with a copy button, and for editors a way to reset them all. */
export function ShareMenu({ docId, access, onReset }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const isOpenDocument = access.keys === null && access.confirmed;

  useCloseOnOutsideClick(menu, open, () => setOpen(false));

  const reset = async () => {
    setResetting(true);
    setResetError(null);
    try {
      await onReset();
    } catch (error) {
      setResetError(error instanceof Error ? error.message : String(error));
    } finally {
      setResetting(false);
    }
  };

  return (
    <div className="share" ref={menu} onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        className="button"
        data-testid="share"
        aria-expanded={open}
        aria-controls="share-panel"
        onClick={() => setOpen(!open)}
      >
        Share
      </button>
      {open && (
        <section id="share-panel" className="share-panel" aria-label="Share this document">
          {isOpenDocument && (
            <p className="share-note" data-testid="open-document-note">
              Anyone with this document&apos;s address can edit it: it was made before share links. Create links to
              share it for viewing or commenting; the plain address then stops working.
            </p>
          )}
          <ul className="share-links">
            {linksToShare(docId, access).map(({ role, url }) => (
              <li key={role} className="share-link" data-role={role}>
                <span className="share-link-role">
                  <strong>{ROLE_LABELS[role]}</strong>
                  <span className="share-link-hint">{ROLE_HINTS[role]}</span>
                </span>
                <input
                  className="share-link-url"
                  data-testid={`${role}-link`}
                  readOnly
                  value={url}
                  aria-label={`${ROLE_LABELS[role]} link`}
                  onFocus={(event) => event.target.select()}
                />
                <CopyButton
                  text={url}
                  label="Copy"
                  copiedLabel="Copied"
                  testId={`copy-${role}-link`}
                  description={`${ROLE_LABELS[role]} link`}
                />
              </li>
            ))}
          </ul>
          {access.role === "edit" && (
            <div className="share-reset">
              <button
                type="button"
                className="button"
                data-testid="reset-links"
                disabled={resetting || !access.confirmed}
                onClick={() => void reset()}
              >
                {isOpenDocument ? "Create share links" : resetting ? "Resetting…" : "Reset links"}
              </button>
              <span className="share-link-hint">
                {isOpenDocument
                  ? "Gives the document edit, comment and view links."
                  : "Makes new links; everyone using an old one loses access at once."}
              </span>
              {resetError && (
                <p className="share-error" role="alert">
                  {resetError}
                </p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

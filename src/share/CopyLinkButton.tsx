import type { PageAccess } from "../collab/sessionAccess";
import { CopyButton } from "./CopyButton";
import { ownLink } from "./shareLinks";

/** Copies the link this page opened the document with, to send to the people you want to write with. */
export function CopyLinkButton({ docId, access }: { docId: string; access: PageAccess }) {
  return (
    <CopyButton
      text={ownLink(docId, access)}
      label="Copy link"
      copiedLabel="Link copied"
      testId="copy-link"
      description="Document link"
      primary
    />
  );
}

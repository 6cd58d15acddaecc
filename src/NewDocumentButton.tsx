import { newDocId } from "../party/shared/docId";
import { docPath } from "./docPath";

/** Opens a fresh, empty document. */
export function NewDocumentButton() {
  return (
    <button
      type="button"
      className="button"
      data-testid="new-doc"
      onClick={() => window.location.assign(docPath(newDocId()))}
    >
      New document
    </button>
  );
}

import { useState } from "react";
import { createDocument } from "./collab/documentAccess";
import { docPath } from "./docPath";

/** Opens a fresh, empty document, made with its share links; you hold its edit link. */
export function NewDocumentButton() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { docId, key } = await createDocument();
      window.location.assign(docPath(docId, key));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <span className="new-doc">
      <button type="button" className="button" data-testid="new-doc" disabled={busy} onClick={() => void start()}>
        New document
      </button>
      {error && (
        <span className="import-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

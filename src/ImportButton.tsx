import { useState } from "react";
import { IMPORTABLE, importDocument } from "./collab/importDocument";
import { docPath } from "./docPath";

/** Opens a Markdown or HTML file as a new document. */
export function useImport(): { importFile: (file: File) => Promise<void>; error: string | null; busy: boolean } {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const { docId, key } = await importDocument(file);
      window.location.assign(docPath(docId, key));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return { importFile, error, busy };
}

/** A button that chooses a .md or .html file and opens it as a new document. */
export function ImportButton() {
  const { importFile, error, busy } = useImport();
  return (
    <span className="import">
      <label className="button">
        {busy ? "Importing…" : "Import"}
        <input
          type="file"
          accept={IMPORTABLE}
          className="visually-hidden"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = "";
          }}
        />
      </label>
      {error && (
        <span className="import-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

import { useEffect, useState } from "react";
import { type Author, MAX_VERSION_NAME_LENGTH, type VersionInfo } from "../../party/shared/history";
import type { DocumentSession } from "../collab/documentSession";
import { fetchAuthors, fetchVersion, listVersions, restoreVersion, saveVersion } from "../collab/historyRequests";
import { versionDiff, type VersionDiff } from "./versionDiff";

export interface Preview {
  version: VersionInfo;
  diff: VersionDiff;
  /** Everyone the server knows of, by author key, for names and colours in the preview. */
  people: ReadonlyMap<string, Author>;
}

interface HistoryPanelProps {
  session: DocumentSession;
  canEdit: boolean;
  preview: Preview | null;
  onPreview: (preview: Preview | null) => void;
  onClose: () => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function AuthorList({ authors }: { authors: Author[] }) {
  if (authors.length === 0) return <span className="version-authors">No changes</span>;
  return (
    <span className="version-authors">
      {authors.map((author) => (
        <span key={author.key} className="version-author" data-testid="version-author">
          <span
            className="version-author-dot"
            style={{ backgroundColor: author.color ?? "#6b7280" }}
            aria-hidden="true"
          />
          {author.name}
        </span>
      ))}
    </span>
  );
}

/** The document's versions, newest first: save one, open one to see what changed, restore it. */
export function HistoryPanel({ session, canEdit, preview, onPreview, onClose }: HistoryPanelProps) {
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  const refresh = () => listVersions(session).then(setVersions, (failure: Error) => setError(failure.message));
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening
  }, [session]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const open = (version: VersionInfo) =>
    act(async () => {
      const older = versions?.find((listed) => listed.id < version.id);
      const [current, previous, authors] = await Promise.all([
        fetchVersion(session, version.id),
        older ? fetchVersion(session, older.id) : Promise.resolve(null),
        fetchAuthors(session),
      ]);
      const people = new Map([...authors.values()].map((author) => [author.key, author]));
      onPreview({ version, diff: versionDiff(current, previous, authors), people });
    });

  return (
    <aside className="history" data-testid="history" aria-label="Version history">
      <header className="history-header">
        <h2>Version history</h2>
        <button type="button" className="text-button" data-testid="close-history" onClick={onClose}>
          Close
        </button>
      </header>
      {canEdit && (
        <form
          className="history-save"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              await saveVersion(session, name);
              setName("");
              await refresh();
            });
          }}
        >
          <input
            className="history-name"
            data-testid="version-name"
            aria-label="Version name (optional)"
            placeholder="Name this version (optional)"
            maxLength={MAX_VERSION_NAME_LENGTH}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button" data-testid="save-version" disabled={busy}>
            Save version
          </button>
        </form>
      )}
      {error && (
        <p className="share-error" role="alert">
          {error}
        </p>
      )}
      {versions?.length === 0 && <p className="history-empty">No versions yet. One is saved as you write.</p>}
      <ol className="history-versions">
        {versions?.map((version) => (
          <li key={version.id}>
            <button
              type="button"
              className="history-version"
              data-testid="version"
              data-version-id={version.id}
              aria-pressed={preview?.version.id === version.id}
              onClick={() => void open(version)}
            >
              <time className="version-name" dateTime={new Date(version.time).toISOString()}>
                {when.format(version.time)}
              </time>
              {version.name && <span className="version-label">{version.name}</span>}
              <AuthorList authors={version.authors} />
            </button>
          </li>
        ))}
      </ol>
      {preview && (
        <div className="history-actions">
          {canEdit && (
            <button
              type="button"
              className="button button--primary"
              data-testid="restore-version"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await restoreVersion(session, preview.version.id);
                  onPreview(null);
                  await refresh();
                })
              }
            >
              Restore this version
            </button>
          )}
          <button type="button" className="button" data-testid="back-to-document" onClick={() => onPreview(null)}>
            Back to the document
          </button>
        </div>
      )}
    </aside>
  );
}

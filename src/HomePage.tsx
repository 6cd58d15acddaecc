import { useState } from "react";
import { displayTitle } from "../party/shared/collabSchema";
import { docPath } from "./docPath";
import { readRecentDocuments } from "./home/recentDocuments";
import { ImportButton, useImport } from "./ImportButton";
import { NewDocumentButton } from "./NewDocumentButton";

const relativeTime = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
];

function openedAgo(lastOpened: number, now: number): string {
  const elapsed = lastOpened - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relativeTime.format(Math.round(elapsed / size), unit);
  }
  return "just now";
}

/** The documents this browser has opened, a new one, and import (also by dropping a file on the page). */
export function HomePage() {
  const [documents] = useState(readRecentDocuments);
  const [now] = useState(Date.now);
  const [dragging, setDragging] = useState(false);
  const { importFile, error } = useImport();

  return (
    <main
      className={`home${dragging ? " home--dropping" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) void importFile(file);
      }}
    >
      <header className="home-header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Cowrite</span>
        </a>
        <div className="home-actions">
          <ImportButton />
          <NewDocumentButton />
        </div>
      </header>
      <h1>Recent documents</h1>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
      <ul className="recent-docs" data-testid="recent-docs">
        {documents.map((document) => (
          <li key={document.docId}>
            <a className="recent-doc" data-testid="recent-doc" href={docPath(document.docId, document.key ?? null)}>
              <span className="recent-doc-title">{displayTitle(document.title)}</span>
              <span className="recent-doc-opened">Opened {openedAgo(document.lastOpened, now)}</span>
            </a>
          </li>
        ))}
      </ul>
      {documents.length === 0 && <p className="home-empty">Documents you open in this browser appear here.</p>}
      <p className="home-hint">Drop a Markdown or HTML file anywhere on this page to open it as a new document.</p>
    </main>
  );
}

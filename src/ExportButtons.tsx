import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { DocumentFormat } from "../party/shared/documentFormats";
import { NotLoaded } from "./lazyComponent";

const DOWNLOADS: [DocumentFormat, string][] = [
  ["markdown", "Markdown"],
  ["html", "HTML"],
];

/** Downloads of the document as the editor has it, and printing (which is also how to make a PDF). */
export function ExportButtons({ editor, title }: { editor: Editor; title: string }) {
  const [notLoaded, setNotLoaded] = useState(false);
  return (
    <div className="export" role="group" aria-label="Export">
      {DOWNLOADS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          className="text-button"
          data-testid={`export-${format}`}
          onClick={() => {
            const content = editor.getJSON();
            // Markdown and HTML conversion load on the first export, not with the page.
            import("./editor/downloadDocument").then(
              (module) => module.downloadDocument(content, title, format),
              () => setNotLoaded(true),
            );
          }}
        >
          {label}
        </button>
      ))}
      <button type="button" className="text-button" data-testid="export-print" onClick={() => window.print()}>
        Print / PDF
      </button>
      {notLoaded && <NotLoaded />}
    </div>
  );
}

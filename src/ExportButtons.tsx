import type { Editor } from "@tiptap/react";
import type { DocumentFormat } from "../party/shared/documentFormats";
import { downloadDocument } from "./editor/downloadDocument";

const DOWNLOADS: [DocumentFormat, string][] = [
  ["markdown", "Markdown"],
  ["html", "HTML"],
];

/** Downloads of the document as the editor has it, and printing (which is also how to make a PDF). */
export function ExportButtons({ editor, title }: { editor: Editor; title: string }) {
  return (
    <div className="export" role="group" aria-label="Export">
      {DOWNLOADS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          className="text-button"
          data-testid={`export-${format}`}
          onClick={() => downloadDocument(editor.getJSON(), title, format)}
        >
          {label}
        </button>
      ))}
      <button type="button" className="text-button" data-testid="export-print" onClick={() => window.print()}>
        Print / PDF
      </button>
    </div>
  );
}

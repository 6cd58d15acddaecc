import type { Editor } from "@tiptap/react";
import { downloadDocument } from "./editor/downloadDocument";

/** Downloads of the document as the editor has it, and printing (which is also how to make a PDF). */
export function ExportButtons({ editor, title }: { editor: Editor; title: string }) {
  return (
    <div className="export" role="group" aria-label="Export">
      <button
        type="button"
        className="text-button"
        data-testid="export-markdown"
        onClick={() => downloadDocument(editor.getJSON(), title, "markdown")}
      >
        Markdown
      </button>
      <button
        type="button"
        className="text-button"
        data-testid="export-html"
        onClick={() => downloadDocument(editor.getJSON(), title, "html")}
      >
        HTML
      </button>
      <button type="button" className="text-button" data-testid="export-print" onClick={() => window.print()}>
        Print / PDF
      </button>
    </div>
  );
}

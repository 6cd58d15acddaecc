import { Suspense } from "react";
import { lazyComponent } from "./lazyComponent";

interface OpenDocumentProps {
  docId: string;
  linkKey: string | null;
}

/** The document page's code, with the editor and all it brings: the home page does without it. */
export function loadDocumentPage() {
  return import("./DocumentPage").then((module) => module.DocumentPage);
}

const DocumentPage = lazyComponent(loadDocumentPage);

/** A document's page, shown once its code has loaded. */
export function OpenDocument({ docId, linkKey }: OpenDocumentProps) {
  return (
    <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
      <DocumentPage key={docId} docId={docId} linkKey={linkKey} />
    </Suspense>
  );
}

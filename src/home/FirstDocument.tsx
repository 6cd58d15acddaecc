import { useEffect, useState } from "react";
import { createDocument } from "../collab/documentAccess";
import { docPath } from "../docPath";
import { HomePage } from "../HomePage";
import { DocumentPageCode, DocumentRoute } from "../DocumentRoute";

type Created = Awaited<ReturnType<typeof createDocument>>;

// Made once per page load: StrictMode runs effects twice.
let creating: Promise<Created> | undefined;

/** Someone new has no documents to list: `/` starts them on a fresh one straight away. */
export function FirstDocument() {
  const [created, setCreated] = useState<Created | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    creating ??= createDocument();
    // The editor's code loads while the document is made, not after.
    void DocumentPageCode.preload();
    creating.then(
      (document) => {
        window.history.replaceState(null, "", docPath(document.docId, document.key));
        setCreated(document);
      },
      () => setFailed(true),
    );
  }, []);
  if (created) return <DocumentRoute docId={created.docId} linkKey={created.key} />;
  return failed ? <HomePage /> : <div className="page-loading" aria-busy="true" />;
}

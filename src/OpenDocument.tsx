import { useEffect } from "react";
import { askAccessAhead } from "./collab/documentAccess";
import { lazyComponent } from "./lazyComponent";

/** The document page, with the editor and all it brings: the home page does without it. */
export const DocumentPageCode = lazyComponent(
  () => import("./DocumentPage").then((module) => module.DocumentPage),
  <div className="page-loading" aria-busy="true" />,
);

/** A document's page, shown once its code has loaded; what the link may do is asked meanwhile. */
export function OpenDocument({ docId, linkKey }: { docId: string; linkKey: string | null }) {
  useEffect(() => askAccessAhead(docId, linkKey), [docId, linkKey]);
  return <DocumentPageCode.Component key={docId} docId={docId} linkKey={linkKey} />;
}

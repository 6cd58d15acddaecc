import { askAccessAhead } from "./collab/documentAccess";
import { lazyComponent } from "./lazyComponent";

/** The document page, with the editor and all it brings: the home page does without it. */
export const DocumentPageCode = lazyComponent(
  () => import("./DocumentPage").then((module) => module.DocumentPage),
  <div className="page-loading" aria-busy="true" />,
);

/**
 * `/d/<docId>`: the document's page, shown once its code has loaded. What the link may do is
 * asked as the route first renders (once per document and key), so the answer comes while the
 * code does, and is there before the page, whose own effects run first, asks for it.
 */
export function DocumentRoute({ docId, linkKey }: { docId: string; linkKey: string | null }) {
  askAccessAhead(docId, linkKey);
  return <DocumentPageCode.Component key={docId} docId={docId} linkKey={linkKey} />;
}

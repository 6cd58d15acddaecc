import { DocumentPage } from "./DocumentPage";
import { docIdFromPath } from "./docPath";
import { NotFoundPage } from "./NotFoundPage";

/** Routes: `/d/<docId>` opens a document; anything else is not found. */
export function App() {
  const docId = docIdFromPath(window.location.pathname);
  return docId ? <DocumentPage key={docId} docId={docId} /> : <NotFoundPage />;
}

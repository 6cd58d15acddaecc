import { DocumentPage } from "./DocumentPage";
import { docIdFromPath } from "./docPath";
import { HomePage } from "./HomePage";
import { NotFoundPage } from "./NotFoundPage";

/** Routes: `/` is the home page, `/d/<docId>` opens a document, anything else is not found. */
export function App() {
  if (window.location.pathname === "/") return <HomePage />;
  const docId = docIdFromPath(window.location.pathname);
  return docId ? <DocumentPage key={docId} docId={docId} /> : <NotFoundPage />;
}

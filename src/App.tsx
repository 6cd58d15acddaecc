import { AppUpdateBanner } from "./appUpdate/AppUpdateBanner";
import type { AppUpdates } from "./appUpdate/watchForAppUpdates";
import { DocumentPage } from "./DocumentPage";
import { docIdFromPath } from "./docPath";
import { HomePage } from "./HomePage";
import { NotFoundPage } from "./NotFoundPage";

interface AppProps {
  updates: AppUpdates;
}

/** The page for the current path, and on every page word of a newer version when one is waiting. */
export function App({ updates }: AppProps) {
  return (
    <>
      <CurrentPage />
      <AppUpdateBanner updates={updates} />
    </>
  );
}

/** Routes: `/` is the home page, `/d/<docId>` opens a document, anything else is not found. */
function CurrentPage() {
  if (window.location.pathname === "/") return <HomePage />;
  const docId = docIdFromPath(window.location.pathname);
  return docId ? <DocumentPage key={docId} docId={docId} /> : <NotFoundPage />;
}

import { AppUpdateBanner } from "./appUpdate/AppUpdateBanner";
import type { AppUpdates } from "./appUpdate/watchForAppUpdates";
import { docIdFromPath, keyFromSearch } from "./docPath";
import { FirstDocument } from "./home/FirstDocument";
import { readRecentDocuments } from "./home/recentDocuments";
import { HomePage } from "./HomePage";
import { NotFoundPage } from "./NotFoundPage";
import { DocumentRoute } from "./DocumentRoute";

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

/**
 * Routes: `/` is the home page (a new document for someone with none), `/d/<docId>` opens a
 * document (`?key=` carries a share link's key), anything else is not found.
 */
function CurrentPage() {
  const { pathname, search } = window.location;
  if (pathname === "/") return readRecentDocuments().length === 0 ? <FirstDocument /> : <HomePage />;
  const docId = docIdFromPath(pathname);
  return docId ? <DocumentRoute docId={docId} linkKey={keyFromSearch(search)} /> : <NotFoundPage />;
}

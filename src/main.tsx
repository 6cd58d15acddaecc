import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { newDocId } from "../party/shared/docId";
import { App } from "./App";
import { watchForAppUpdates } from "./appUpdate/watchForAppUpdates";
import { docPath } from "./docPath";
import { readRecentDocuments } from "./home/recentDocuments";
import "./styles.css";

// Someone new has no documents to list: `/` starts them on a fresh one straight away.
if (window.location.pathname === "/" && readRecentDocuments().length === 0) {
  window.history.replaceState(null, "", docPath(newDocId()));
}

const updates = watchForAppUpdates();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);

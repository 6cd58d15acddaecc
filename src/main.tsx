import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { newDocId } from "../party/shared/docId";
import { App } from "./App";
import { docPath } from "./docPath";
import "./styles.css";

// `/` starts a new document: give it an unguessable id and put that in the address bar.
if (window.location.pathname === "/") {
  window.history.replaceState(null, "", docPath(newDocId()));
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

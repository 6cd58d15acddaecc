import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { watchForAppUpdates } from "./appUpdate/watchForAppUpdates";
import "./styles.css";

const updates = watchForAppUpdates();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);

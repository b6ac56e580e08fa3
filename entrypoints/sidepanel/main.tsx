import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WorkspaceApp } from "@/components/sidepanel/WorkspaceApp";
import "./style.css";

// npm run bench (scripts/bench/workspace.mjs) measures from here to the first rows in the document.
performance.mark("paynudge:workspace-start");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WorkspaceApp />
  </StrictMode>,
);

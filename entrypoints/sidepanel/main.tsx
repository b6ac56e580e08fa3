import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WorkspaceApp } from "@/components/sidepanel/WorkspaceApp";
import "./style.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WorkspaceApp />
  </StrictMode>,
);

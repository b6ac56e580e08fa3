import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ReportApp } from "@/components/report/ReportApp";
import "./style.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ReportApp />
  </StrictMode>,
);

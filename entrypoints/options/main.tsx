import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { OptionsApp } from "@/components/options/OptionsApp";
import "./style.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);

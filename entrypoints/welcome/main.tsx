import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WelcomeApp } from "@/components/welcome/WelcomeApp";
import "./style.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WelcomeApp />
  </StrictMode>,
);

import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { firstScreenData } from "@/components/popup/first-screen";
import { WorkspaceApp } from "@/components/sidepanel/WorkspaceApp";
import "./style.css";
import "@/components/popup/team.css";

// As the popup: the first render waits for the first screen's rows only (read by
// popup-first-read.js before this module loaded), so it already shows them; the day's whole queue
// follows through the view's live query. npm run bench (scripts/bench/workspace.mjs) measures from
// here to the first rows in the document.
performance.mark("paynudge:workspace-start");
void firstScreenData().then((initial) => {
  const view = createRoot(document.getElementById("root")!);
  flushSync(() =>
    view.render(
      <StrictMode>
        <WorkspaceApp initial={initial} />
      </StrictMode>,
    ),
  );
});

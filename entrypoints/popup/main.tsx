import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { firstScreenData } from "@/components/popup/first-screen";
import { PopupApp } from "@/components/popup/PopupApp";
import "./style.css";
import "@/components/popup/team.css";

// The first render waits for the first screen's rows only, so it already shows them; the whole
// queue follows through the view's live query. The view's code is in the static graph: the browser
// fetches it alongside this module, where a dynamic import would add a second round of loading.
// npm run bench measures this path from these marks.
performance.mark("paynudge:popup-start");
void firstScreenData().then((initial) => {
  const view = createRoot(document.getElementById("root")!);
  // The first screen's rows are already read: render them now rather than in a later task.
  flushSync(() =>
    view.render(
      <StrictMode>
        <PopupApp initial={initial} />
      </StrictMode>,
    ),
  );
});

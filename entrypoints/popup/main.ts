import { getDb } from "../../lib/db";
import { loadPopupData } from "../../lib/popup-data";
import { FIRST_SCREEN } from "../../lib/queue";
import "./style.css";

// The first screen's rows are read while the view's code (React) is still loading: the read and
// the loading overlap, and the first render already has them. The whole queue follows through the
// view's live query. npm run bench measures this path from these marks.
performance.mark("paynudge:popup-start");
const first = loadPopupData(getDb(), FIRST_SCREEN).then(
  (data) => (performance.mark("paynudge:popup-data-ready"), data),
  (error: unknown) => {
    console.error("PayNudge popup", error);
    return undefined;
  },
);
void import("./App").then(async ({ mountPopup }) => {
  performance.mark("paynudge:popup-view-loaded");
  mountPopup(document.getElementById("root")!, await first);
});

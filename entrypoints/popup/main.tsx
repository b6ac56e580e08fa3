import { getDb } from "@/lib/db/schema";
import { takeFirstScreenRead } from "@/lib/db/first-screen";
import { loadPopupData } from "@/lib/db/popup-data";
import { FIRST_SCREEN } from "@/lib/db/queue";
import { mountPopup } from "@/components/popup/PopupApp";
import "./style.css";

// The first render waits for the first screen's rows only, so it already shows them; the whole
// queue follows through the view's live query. Those rows were asked for by popup-first-read.js
// before this code loaded; through Dexie only when that read could not be made. The view's code
// is in the static graph: the browser fetches it alongside this module, where a dynamic import
// would add a second round of loading. npm run bench measures this path from these marks.
performance.mark("paynudge:popup-start");
void takeFirstScreenRead()
  .then((early) => {
    if (early) performance.mark("paynudge:popup-read-early");
    return early ?? loadPopupData(getDb(), FIRST_SCREEN);
  })
  .then(
    (data) => (performance.mark("paynudge:popup-data-ready"), data),
    (error: unknown) => {
      console.error("PayNudge popup", error);
      return undefined;
    },
  )
  .then((data) => mountPopup(document.getElementById("root")!, data));

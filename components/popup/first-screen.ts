import { takeFirstScreenRead } from "@/lib/db/first-screen";
import { loadPopupData, type PopupData } from "@/lib/db/popup-data";
import { FIRST_SCREEN } from "@/lib/db/queue";
import { getDb } from "@/lib/db/schema";

/**
 * The first screen's rows, for the popup's first render: those popup-first-read.js asked for before
 * this code loaded, or through Dexie when that read could not be made. Undefined when neither
 * answered: the popup shows its loading state until its live query does.
 * npm run bench measures this path from the marks.
 */
export async function firstScreenData(): Promise<PopupData | undefined> {
  try {
    const early = await takeFirstScreenRead();
    if (early) performance.mark("paynudge:popup-read-early");
    const data = early ?? (await loadPopupData(getDb(), FIRST_SCREEN));
    performance.mark("paynudge:popup-data-ready");
    return data;
  } catch (error) {
    console.error("PayNudge popup", error);
    return undefined;
  }
}

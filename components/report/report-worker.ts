import { watchFigures } from "@/components/report/figures-query";
import type { RangeChoice } from "@/components/report/range";

/*
 * The report's reading and counting, off the report page's thread (issue 16): at a big shop's scale
 * (a month of 100 000 nudges and 200 000 orders) they take seconds, which on the page's own thread
 * would freeze it. The page sends the range chosen; the worker answers with its figures, and again
 * whenever the database changes, until the page sends another range or ends it.
 */

let stop: (() => void) | undefined;
self.onmessage = (event: MessageEvent<RangeChoice>) => {
  stop?.();
  stop = watchFigures(event.data, (figures) => self.postMessage(figures));
};

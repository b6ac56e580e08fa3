import { DUE_CHECK_POINTS } from "@/lib/background/due-check-park";
import { describeStopsAt } from "@/test/support/browser/due-check-stops";

// The due check stopped at the first four points, up to the notice written (the other file: scheduler-stops-showing.e2e.ts).
describeStopsAt(DUE_CHECK_POINTS.slice(0, 4));

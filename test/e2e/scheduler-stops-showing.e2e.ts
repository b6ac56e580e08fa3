import { DUE_CHECK_POINTS } from "@/lib/background/due-check-park";
import { describeStopsAt } from "@/test/support/browser/due-check-stops";

// The due check stopped at the points from the notification created on (the other file: scheduler-stops-planning.e2e.ts).
describeStopsAt(DUE_CHECK_POINTS.slice(4));

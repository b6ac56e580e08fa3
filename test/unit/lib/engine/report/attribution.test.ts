import { describe, expect, it } from "vitest";
import { attributeOrder } from "@/lib/engine/report/attribution";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import {
  HOUR,
  loggedNudge,
  MIN,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/* The one definition of a recovered order, case by case (issue 16's table). */

const T = new Date(2026, 10, 23, 10, 0).getTime();
const WINDOW = 72;

const cases: {
  what: string;
  order: StoredOrder;
  nudges: NudgeLog[];
  want: ReturnType<typeof attributeOrder>;
}[] = [
  {
    what: "nudged, then paid inside the window: recovered, credited to the nudge",
    order: paidOrder("1", T, T + 5 * HOUR),
    nudges: [loggedNudge("1", T + HOUR, { step: "first" })],
    want: {
      kind: "recovered",
      paidTime: T + 5 * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + HOUR, { step: "first" }),
      timeToPayMs: 4 * HOUR,
    },
  },
  {
    what: "paid exactly at the window's end: still recovered",
    order: paidOrder("1", T, T + HOUR + WINDOW * HOUR),
    nudges: [loggedNudge("1", T + HOUR)],
    want: {
      kind: "recovered",
      paidTime: T + HOUR + WINDOW * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + HOUR),
      timeToPayMs: WINDOW * HOUR,
    },
  },
  {
    what: "paid a minute after the window: neither recovered nor paid by itself",
    order: paidOrder("1", T, T + HOUR + WINDOW * HOUR + MIN),
    nudges: [loggedNudge("1", T + HOUR)],
    want: {
      kind: "neither",
      paidTime: T + HOUR + WINDOW * HOUR + MIN,
      estimated: true,
      lastNudge: loggedNudge("1", T + HOUR),
    },
  },
  {
    what: "several nudges: the last before payment gets the credit, one after it none",
    order: paidOrder("1", T, T + 10 * HOUR),
    nudges: [
      loggedNudge("1", T + HOUR, { step: "first", agent: "阿华" }),
      loggedNudge("1", T + 6 * HOUR, { step: "second", agent: "小李" }),
      loggedNudge("1", T + 11 * HOUR, { step: "third", agent: "阿华" }),
    ],
    want: {
      kind: "recovered",
      paidTime: T + 10 * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + 6 * HOUR, {
        step: "second",
        agent: "小李",
      }),
      timeToPayMs: 4 * HOUR,
    },
  },
  {
    what: "an old nudge outside the window and a recent one inside: the recent one counts",
    order: paidOrder("1", T, T + 200 * HOUR),
    nudges: [loggedNudge("1", T + HOUR), loggedNudge("1", T + 190 * HOUR)],
    want: {
      kind: "recovered",
      paidTime: T + 200 * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + 190 * HOUR),
      timeToPayMs: 10 * HOUR,
    },
  },
  {
    what: "seen unpaid, paid with no nudge: paid by itself",
    order: paidOrder("1", T, T + 3 * HOUR),
    nudges: [],
    want: { kind: "self", paidTime: T + 3 * HOUR, estimated: true },
  },
  {
    what: "nudged only after it was paid: paid by itself",
    order: paidOrder("1", T, T + 3 * HOUR),
    nudges: [loggedNudge("1", T + 4 * HOUR)],
    want: { kind: "self", paidTime: T + 3 * HOUR, estimated: true },
  },
  {
    what: "first seen already paid, never unpaid: not the baseline",
    order: paidOrder("1", T, T, { unpaidSeenAt: undefined }),
    nudges: [],
    want: { kind: "neither", paidTime: T, estimated: true },
  },
  {
    what: "the page's payment time, seen paid two days late: that time, not estimated",
    order: paidOrder("1", T, T + 50 * HOUR, { paidAt: T + 2 * HOUR }),
    nudges: [loggedNudge("1", T + HOUR)],
    want: {
      kind: "recovered",
      paidTime: T + 2 * HOUR,
      estimated: false,
      lastNudge: loggedNudge("1", T + HOUR),
      timeToPayMs: HOUR,
    },
  },
  {
    what: "no payment time shown, seen paid late (estimated): the window runs to the sight",
    order: paidOrder("1", T, T + 80 * HOUR),
    nudges: [loggedNudge("1", T + HOUR)],
    want: {
      kind: "neither",
      paidTime: T + 80 * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + HOUR),
    },
  },
  {
    what: "paid, then refunded and closed: still recovered as first seen paid",
    order: paidOrder("1", T, T + 2 * HOUR, { status: "closed" }),
    nudges: [loggedNudge("1", T + HOUR)],
    want: {
      kind: "recovered",
      paidTime: T + 2 * HOUR,
      estimated: true,
      lastNudge: loggedNudge("1", T + HOUR),
      timeToPayMs: HOUR,
    },
  },
  {
    what: "closed unpaid after nudges: not paid, no attribution",
    order: storedOrder("1", T, { status: "closed" }),
    nudges: [loggedNudge("1", T + HOUR)],
    want: undefined,
  },
  {
    what: "still unpaid: no attribution",
    order: storedOrder("1", T),
    nudges: [loggedNudge("1", T + HOUR)],
    want: undefined,
  },
];

describe("attributing an order's payment", () => {
  it.each(cases)("$what", ({ order, nudges, want }) => {
    expect(attributeOrder(order, nudges, WINDOW)).toEqual(want);
  });

  it("follows the window the seller set", () => {
    const order = paidOrder("1", T, T + 30 * HOUR);
    const nudges = [loggedNudge("1", T + HOUR)];
    expect(attributeOrder(order, nudges, 24)?.kind).toBe("neither");
    expect(attributeOrder(order, nudges, 29)?.kind).toBe("recovered");
  });
});

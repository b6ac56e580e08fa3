import { describe, expect, it } from "vitest";
import { armCounts } from "@/lib/engine/ab-orders";
import type { AbTest } from "@/lib/model/ab-test";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/* Each arm's orders and recoveries, read from the log's templates and the orders' payments. */

const H = 3_600_000;
const T0 = 1_764_000_000_000;
const HOURS = 72;
const WINDOW = HOURS * H;
const TEST: AbTest = {
  id: "ab-1",
  scenario: "first",
  templateA: "tpl-a",
  templateB: "tpl-b",
  startedAt: T0,
};

const nudge = (
  orderKey: string,
  at: number,
  templateId?: string,
): NudgeLog => ({ orderKey, at, channel: "chat", templateId });
/** Orders by key, each paid when PayNudge first saw it paid (no page time), or not paid. */
const paid = (entries: [string, number | undefined][]) =>
  new Map<string, StoredOrder>(
    entries.map(([key, paidAt]) => [
      key,
      {
        key,
        platform: "taobao",
        orderId: key,
        status: paidAt === undefined ? "unpaid" : "paid",
        items: [],
        pageUrl: "https://trade.taobao.com/",
        firstSeenAt: T0,
        lastSeenAt: T0,
        nudgeCount: 1,
        unpaidSeenAt: T0 - H,
        ...(paidAt === undefined ? {} : { paidSeenAt: paidAt }),
      },
    ]),
  );

describe("an arm's orders and recoveries", () => {
  it.each<
    [
      string,
      ReturnType<typeof nudge>[],
      number | undefined,
      [number, number, number, number],
    ]
  >([
    // what, nudges, paid at, [A orders, A recovered, B orders, B recovered]
    [
      "nudged with A, paid inside the window",
      [nudge("o", T0 + H, "tpl-a")],
      T0 + 5 * H,
      [1, 1, 0, 0],
    ],
    [
      "nudged with B, not paid",
      [nudge("o", T0 + H, "tpl-b")],
      undefined,
      [0, 0, 1, 0],
    ],
    [
      "paid just at the window's end",
      [nudge("o", T0 + H, "tpl-a")],
      T0 + H + WINDOW,
      [1, 1, 0, 0],
    ],
    [
      "paid after the window",
      [nudge("o", T0 + H, "tpl-a")],
      T0 + H + WINDOW + 1,
      [1, 0, 0, 0],
    ],
    [
      "nudged before the test began",
      [nudge("o", T0 - H, "tpl-a")],
      T0 + H,
      [0, 0, 0, 0],
    ],
    [
      "nudged with another template",
      [nudge("o", T0 + H, "tpl-x")],
      T0 + 2 * H,
      [0, 0, 0, 0],
    ],
    [
      "paid before the arm's nudge (the nudge came too late)",
      [nudge("o", T0 + 2 * H, "tpl-a")],
      T0 + H,
      [0, 0, 0, 0],
    ],
    [
      "A then B, paid: credited to B, the last",
      [nudge("o", T0 + H, "tpl-a"), nudge("o", T0 + 2 * H, "tpl-b")],
      T0 + 3 * H,
      [0, 0, 1, 1],
    ],
    [
      "A, then another text last: in A, not recovered by it",
      [nudge("o", T0 + H, "tpl-a"), nudge("o", T0 + 2 * H, "tpl-x")],
      T0 + 3 * H,
      [1, 0, 0, 0],
    ],
    [
      "A, paid, then a B nudge after payment (ignored)",
      [nudge("o", T0 + H, "tpl-a"), nudge("o", T0 + 4 * H, "tpl-b")],
      T0 + 3 * H,
      [1, 1, 0, 0],
    ],
  ])(
    "%s",
    (_what, nudges, paidAt, [aOrders, aRecovered, bOrders, bRecovered]) => {
      expect(armCounts(TEST, nudges, paid([["o", paidAt]]), HOURS)).toEqual({
        A: { orders: aOrders, recovered: aRecovered },
        B: { orders: bOrders, recovered: bRecovered },
      });
    },
  );

  it("counts each order once, and only nudges logged while the test ran", () => {
    const ended = { ...TEST, endedAt: T0 + 10 * H };
    const counts = armCounts(
      ended,
      [
        nudge("o1", T0 + H, "tpl-a"),
        nudge("o1", T0 + 2 * H, "tpl-a"),
        nudge("o2", T0 + H, "tpl-b"),
        nudge("o3", T0 + 11 * H, "tpl-b"),
        nudge("o4", T0 + 9 * H, "tpl-a"),
      ],
      paid([
        ["o1", T0 + 3 * H],
        ["o2", undefined],
        ["o3", T0 + 12 * H],
        ["o4", T0 + 20 * H],
      ]),
      HOURS,
    );
    // o4 paid after the end, still inside the window of its nudge: recovered by A.
    expect(counts).toEqual({
      A: { orders: 2, recovered: 2 },
      B: { orders: 1, recovered: 0 },
    });
  });

  it("counts an order whose row is gone as not paid", () => {
    expect(
      armCounts(TEST, [nudge("gone", T0 + H, "tpl-b")], new Map(), HOURS),
    ).toEqual({
      A: { orders: 0, recovered: 0 },
      B: { orders: 1, recovered: 0 },
    });
  });
});

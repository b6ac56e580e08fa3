import { describe, expect, it } from "vitest";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { ReportPeriod } from "@/lib/model/report";
import {
  DAY,
  HOUR,
  figuresOf,
  loggedNudge,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/* A period's figures, the previous period beside them, breakdowns, reasons and days. */

const MIDNIGHT = new Date(2026, 10, 23).getTime();
const NOW = MIDNIGHT + 15 * HOUR;
const TODAY = reportPeriod("today", NOW);
const YESTERDAY = MIDNIGHT - DAY;
const SETTINGS = { attributionHours: 72 };

describe("a period's figures", () => {
  // Today: 1 recovered (¥100, nudged yesterday), 2 recovered (USD, nudged today), 3 paid by itself,
  // 4 nudged and unpaid, 5 nudged long ago and paid today (neither), 6 recovered yesterday.
  const orders = [
    paidOrder("1", YESTERDAY + 9 * HOUR, MIDNIGHT + 2 * HOUR),
    paidOrder("2", MIDNIGHT + HOUR, MIDNIGHT + 5 * HOUR, {
      currency: "USD",
      amountCents: 2_500,
    }),
    paidOrder("3", MIDNIGHT + HOUR, MIDNIGHT + 4 * HOUR),
    storedOrder("4", MIDNIGHT + 3 * HOUR),
    paidOrder("5", MIDNIGHT - 10 * DAY, MIDNIGHT + 6 * HOUR),
    paidOrder("6", YESTERDAY + HOUR, YESTERDAY + 8 * HOUR, {
      amountCents: 30_000,
    }),
  ];
  const nudges = [
    loggedNudge("1", YESTERDAY + 10 * HOUR),
    loggedNudge("2", MIDNIGHT + 2 * HOUR),
    loggedNudge("2", MIDNIGHT + 4 * HOUR),
    loggedNudge("4", MIDNIGHT + 4 * HOUR),
    loggedNudge("5", MIDNIGHT - 9 * DAY),
    loggedNudge("6", YESTERDAY + 2 * HOUR),
  ];
  const report = figuresOf(orders, nudges, SETTINGS, TODAY);

  it("counts today's recovered orders, amounts per currency, the baseline and the median", () => {
    expect(report.current).toEqual({
      period: TODAY,
      unpaidSeen: 3,
      nudged: 2,
      recovered: 2,
      recoveryRate: 1,
      recoveredCents: { CNY: 10_000, USD: 2_500 },
      paidByThemselves: 1,
      skipped: [
        { cause: "quiet-hours", count: 0 },
        { cause: "buyer-cap", count: 0 },
        { cause: "declined", count: 0 },
      ],
      // 1: paid 16 h after its nudge; 2: 1 h after its last.
      medianTimeToPayMs: 8.5 * HOUR,
      paidTimeEstimated: 2,
    });
  });

  it("sets yesterday beside it: the previous whole day", () => {
    expect(report.previous).toMatchObject({
      period: { from: YESTERDAY, to: MIDNIGHT },
      unpaidSeen: 2,
      nudged: 2,
      recovered: 1,
      recoveryRate: 0.5,
      recoveredCents: { CNY: 30_000, USD: 0 },
      paidByThemselves: 0,
      medianTimeToPayMs: 6 * HOUR,
    });
    expect(report.attributionHours).toBe(72);
  });

  it("a shorter window takes yesterday's nudge out of today's recovered", () => {
    const short = figuresOf(orders, nudges, { attributionHours: 12 }, TODAY);
    expect(short.current.recovered).toBe(1);
    expect(short.current.recoveredCents).toEqual({ CNY: 0, USD: 2_500 });
    expect(short.attributionHours).toBe(12);
  });

  it("compares 7 days with the 7 before them", () => {
    const week = reportPeriod("7d", NOW);
    const r = figuresOf(orders, nudges, SETTINGS, week);
    expect(r.current.period).toEqual({
      from: MIDNIGHT - 6 * DAY,
      to: MIDNIGHT + DAY,
    });
    expect(r.previous.period).toEqual({
      from: MIDNIGHT - 13 * DAY,
      to: MIDNIGHT - 6 * DAY,
    });
    expect([r.current.recovered, r.current.nudged]).toEqual([3, 4]);
    // Order 5 was seen unpaid and nudged in the week before.
    expect([r.previous.unpaidSeen, r.previous.nudged]).toEqual([1, 1]);
    expect(r.days).toHaveLength(7);
  });
});

describe("skipped nudges", () => {
  it("counts orders held by quiet hours or the buyer cap that were seen in the period, and those declined in it", () => {
    const orders = [
      storedOrder("1", MIDNIGHT + HOUR, { noSlotCause: "quiet-hours" }),
      storedOrder("2", MIDNIGHT + 2 * HOUR, { noSlotCause: "buyer-cap" }),
      storedOrder("3", MIDNIGHT + 2 * HOUR, { noSlotCause: "buyer-cap" }),
      // Seen yesterday: yesterday's.
      storedOrder("4", YESTERDAY + HOUR, { noSlotCause: "quiet-hours" }),
      storedOrder("5", YESTERDAY + HOUR, { declinedAt: MIDNIGHT + 3 * HOUR }),
      storedOrder("6", YESTERDAY + HOUR, { declinedAt: YESTERDAY + 3 * HOUR }),
    ];
    const r = figuresOf(orders, [], SETTINGS, TODAY);
    expect(r.current.skipped).toEqual([
      { cause: "quiet-hours", count: 1 },
      { cause: "buyer-cap", count: 2 },
      { cause: "declined", count: 1 },
    ]);
    expect(r.previous.skipped).toEqual([
      { cause: "quiet-hours", count: 1 },
      { cause: "buyer-cap", count: 0 },
      { cause: "declined", count: 1 },
    ]);
    // No colleague's note is recorded: the cause is absent, not counted as none.
    expect(r.current.skipped.map((s) => s.cause)).not.toContain(
      "colleague-note",
    );
  });
});

describe("breakdowns", () => {
  const orders = [
    paidOrder("1", MIDNIGHT, MIDNIGHT + 3 * HOUR, { shopName: "暖暖小铺" }),
    paidOrder("2", MIDNIGHT, MIDNIGHT + 5 * HOUR, { shopName: "暖暖小铺" }),
    storedOrder("3", MIDNIGHT, { shopName: "二店" }),
    paidOrder("4", MIDNIGHT, MIDNIGHT + 6 * HOUR, {
      platform: "jd",
      key: "jd:4",
    }),
  ];
  const nudges = [
    // 1: two nudges; the phone call last gets the credit and the order counts once, there.
    loggedNudge("1", MIDNIGHT + HOUR, {
      step: "first",
      templateId: "t-a",
      agent: "阿华",
    }),
    loggedNudge("1", MIDNIGHT + 2 * HOUR, {
      step: "second",
      channel: "phone",
      templateId: "t-b",
      agent: "小李",
    }),
    loggedNudge("2", MIDNIGHT + HOUR, {
      step: "first",
      templateId: "t-a",
      agent: "阿华",
    }),
    loggedNudge("3", MIDNIGHT + HOUR, { step: "first", agent: "阿华" }),
    { ...loggedNudge("4", MIDNIGHT + HOUR), orderKey: "jd:4" },
  ];
  const r = figuresOf(orders, nudges, SETTINGS, TODAY);
  const cents = (CNY: number) => ({ CNY, USD: 0 });

  it.each([
    {
      by: "step",
      rows: [
        { key: "first", nudged: 2, recovered: 1, recoveryRate: 0.5 },
        { key: "", nudged: 1, recovered: 1, recoveryRate: 1 },
        { key: "second", nudged: 1, recovered: 1, recoveryRate: 1 },
      ],
    },
    {
      by: "channel",
      rows: [
        { key: "chat", nudged: 3, recovered: 2, recoveryRate: 2 / 3 },
        { key: "phone", nudged: 1, recovered: 1, recoveryRate: 1 },
      ],
    },
    {
      by: "template",
      rows: [
        { key: "", nudged: 2, recovered: 1, recoveryRate: 0.5 },
        { key: "t-a", nudged: 1, recovered: 1, recoveryRate: 1 },
        { key: "t-b", nudged: 1, recovered: 1, recoveryRate: 1 },
      ],
    },
    {
      by: "agent",
      rows: [
        { key: "阿华", nudged: 2, recovered: 1, recoveryRate: 0.5 },
        { key: "", nudged: 1, recovered: 1, recoveryRate: 1 },
        { key: "小李", nudged: 1, recovered: 1, recoveryRate: 1 },
      ],
    },
    {
      by: "shop",
      rows: [
        { key: "暖暖小铺", nudged: 2, recovered: 2, recoveryRate: 1 },
        { key: "", nudged: 1, recovered: 1, recoveryRate: 1 },
        { key: "二店", nudged: 1, recovered: 0, recoveryRate: 0 },
      ],
    },
    {
      by: "platform",
      rows: [
        { key: "taobao", nudged: 3, recovered: 2, recoveryRate: 2 / 3 },
        { key: "jd", nudged: 1, recovered: 1, recoveryRate: 1 },
      ],
    },
  ] as const)("by $by", ({ by, rows }) => {
    expect(r.breakdowns[by]).toEqual(
      rows.map((row) => ({
        ...row,
        recoveredCents: cents(row.recovered * 10_000),
      })),
    );
  });

  it("credits a recovery to a nudge before the period, in its group", () => {
    const period: ReportPeriod = TODAY;
    const late = figuresOf(
      [paidOrder("9", YESTERDAY, MIDNIGHT + HOUR)],
      [loggedNudge("9", YESTERDAY + HOUR, { step: "last-call" })],
      SETTINGS,
      period,
    );
    expect(late.breakdowns.step).toEqual([
      {
        key: "last-call",
        nudged: 0,
        recovered: 1,
        recoveryRate: null,
        recoveredCents: cents(10_000),
      },
    ]);
  });
});

describe("reasons heard", () => {
  it("counts each reason once per order, with its share and the previous period's count", () => {
    const nudges = [
      loggedNudge("1", MIDNIGHT + HOUR, { reason: "shipping-cost" }),
      // The same buyer said it again: one order, one reason.
      loggedNudge("1", MIDNIGHT + 2 * HOUR, { reason: "shipping-cost" }),
      loggedNudge("1", MIDNIGHT + 3 * HOUR, { reason: "balance" }),
      loggedNudge("2", MIDNIGHT + HOUR, { reason: "shipping-cost" }),
      loggedNudge("3", MIDNIGHT + HOUR, { reason: "comparing" }),
      loggedNudge("4", MIDNIGHT + HOUR),
      loggedNudge("5", YESTERDAY + HOUR, { reason: "balance" }),
      loggedNudge("6", YESTERDAY + HOUR, { reason: "coupon" }),
      loggedNudge("6", YESTERDAY + 2 * HOUR, { reason: "coupon" }),
    ];
    const r = figuresOf([], nudges, SETTINGS, TODAY);
    expect(r.reasons).toEqual([
      { id: "shipping-cost", count: 2, share: 0.5, previousCount: 0 },
      { id: "balance", count: 1, share: 0.25, previousCount: 1 },
      { id: "comparing", count: 1, share: 0.25, previousCount: 0 },
      { id: "coupon", count: 0, share: 0, previousCount: 1 },
    ]);
    expect(r.days).toEqual([
      expect.objectContaining({
        day: MIDNIGHT,
        nudged: 4,
        reasons: { "shipping-cost": 2, balance: 1, comparing: 1 },
      }),
    ]);
  });
});

describe("days", () => {
  it("puts each nudge and recovery on its local day, amounts per currency", () => {
    const week = reportPeriod("7d", NOW);
    const orders = [
      paidOrder("1", YESTERDAY, YESTERDAY + 23 * HOUR),
      paidOrder("2", YESTERDAY, MIDNIGHT, { currency: "USD" }),
    ];
    const nudges = [
      loggedNudge("1", YESTERDAY + HOUR),
      loggedNudge("2", YESTERDAY + 2 * HOUR),
      loggedNudge("1", YESTERDAY + 3 * HOUR, { reason: "balance" }),
      loggedNudge("1", YESTERDAY + 4 * HOUR, { reason: "balance" }),
    ];
    const r = figuresOf(orders, nudges, SETTINGS, week);
    const byDay = new Map(r.days.map((d) => [d.day, d]));
    expect(byDay.get(YESTERDAY)).toEqual({
      day: YESTERDAY,
      nudged: 2,
      recovered: 1,
      recoveryRate: 0.5,
      recoveredCents: 10_000,
      recoveredUsdCents: 0,
      reasons: { balance: 1 },
    });
    expect(byDay.get(MIDNIGHT)).toEqual({
      day: MIDNIGHT,
      nudged: 0,
      recovered: 1,
      recoveryRate: null,
      recoveredCents: 0,
      recoveredUsdCents: 10_000,
      reasons: {},
    });
    expect(r.days.reduce((sum, d) => sum + d.recovered, 0)).toBe(
      r.current.recovered,
    );
  });
});

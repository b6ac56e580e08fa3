import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeLines } from "@/lib/engine/report/line-columns";
import { lineFigures as fromBlocks } from "@/lib/engine/report/line-figures";
import { lineLatest, reportLine } from "@/lib/engine/report/lines";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { ReportRangeId } from "@/lib/model/report";
import { shopArb, shopRows } from "@/test/support/report-arbitrary";
import {
  DAY,
  HOUR,
  figuresOf,
  loggedNudge,
  paidOrder,
  reportLines,
} from "@/test/support/report-rows";

/** The figures of these lines, in one block of columns as stored. */
const lineFigures = (
  lines: Parameters<typeof encodeLines>[0],
  settings: { attributionHours: number },
  period: Parameters<typeof fromBlocks>[2],
) => fromBlocks([{ lines: encodeLines(lines) }], settings, period);

/*
 * The report from lines (what lib/db/report-digest/ keeps) is the report from rows: the same
 * figures for any shop, range, window and hour.
 */

const MIDNIGHT = new Date(2026, 10, 23).getTime();

describe("the report from lines", () => {
  it("gives the engine's figures over the rows, for any shop, range, window and hour", () => {
    fc.assert(
      fc.property(
        shopArb,
        fc.constantFrom<ReportRangeId>("today", "yesterday", "7d", "30d"),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(1, 24, 72, 720),
        (specs, range, hour, attributionHours) => {
          const now = MIDNIGHT + hour * HOUR + 17 * 60_000;
          const { orders, nudges } = shopRows(specs, now);
          const period = reportPeriod(range, now);
          expect(
            lineFigures(
              reportLines(orders, nudges),
              { attributionHours },
              period,
            ),
          ).toEqual(figuresOf(orders, nudges, { attributionHours }, period));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("credits the nudge logged last of two at the same moment", () => {
    const now = MIDNIGHT + 15 * HOUR;
    const orders = [paidOrder("1", now - 5 * HOUR, now - HOUR)];
    const nudges = [
      { ...loggedNudge("1", now - 3 * HOUR, { agent: "阿华" }), id: 7 },
      { ...loggedNudge("1", now - 3 * HOUR, { agent: "小美" }), id: 3 },
    ];
    const figures = lineFigures(
      reportLines(orders, nudges),
      { attributionHours: 72 },
      reportPeriod("today", now),
    );
    expect(figures.breakdowns.agent).toMatchObject([
      { key: "阿华", recovered: 1 },
    ]);
  });

  it("counts a payment exactly the window after the last nudge as recovered, and not an hour later", () => {
    const now = MIDNIGHT + 15 * HOUR;
    const at = (paidHoursAfter: number) => {
      const orders = [
        paidOrder(
          "1",
          now - 40 * HOUR,
          now - 30 * HOUR + paidHoursAfter * HOUR,
        ),
      ];
      const nudges = [loggedNudge("1", now - 30 * HOUR)];
      const period = reportPeriod("today", now);
      const figures = lineFigures(
        reportLines(orders, nudges),
        { attributionHours: 24 },
        period,
      );
      expect(figures).toEqual(
        figuresOf(orders, nudges, { attributionHours: 24 }, period),
      );
      return figures.current.recovered;
    };
    expect(at(24)).toBe(1);
    expect(at(25)).toBe(0);
  });

  it("keeps no line for an order that counts nowhere, and dates a line by its latest moment", () => {
    const paidBeforeKept = paidOrder("1", MIDNIGHT, MIDNIGHT);
    delete paidBeforeKept.paidSeenAt;
    delete paidBeforeKept.unpaidSeenAt;
    expect(reportLine(paidBeforeKept.key, paidBeforeKept, [])).toBeUndefined();
    expect(reportLine("taobao:2", undefined, [])).toBeUndefined();
    const line = reportLine(
      "taobao:3",
      paidOrder("3", MIDNIGHT, MIDNIGHT + 2 * DAY),
      [loggedNudge("3", MIDNIGHT + 3 * DAY)],
    )!;
    expect(lineLatest(line)).toBe(MIDNIGHT + 3 * DAY);
  });
});

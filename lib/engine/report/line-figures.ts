import {
  BREAKDOWN_KEYS,
  type BreakdownKey,
  type PeriodFigures,
  type ReportFigures,
  type ReportPeriod,
  type SkipCause,
} from "@/lib/model/report";
import {
  ESTIMATED,
  META,
  NUDGE_META,
  SAW_UNPAID,
  TIMES,
  USD,
  lineCount,
  lineKeys,
  type LineColumns,
} from "@/lib/engine/report/line-columns";
import { breakdownRows, type Group } from "@/lib/engine/report/breakdowns";
import { dayIndex, emptyDay } from "@/lib/engine/report/days";
import { dayStarts, previousPeriod } from "@/lib/engine/report/periods";
import { reasonRowsOf } from "@/lib/engine/report/reasons";
import { median, noCents, rate, type Cents } from "@/lib/engine/report/tally";

/*
 * reportFigures (report-figures.ts) over report lines in columns instead of rows: the same
 * definition and the same figures (test/unit/lib/engine/report/line-figures.test.ts holds them
 * equal), in one pass over the lines, making no object per line: a line holds its order's nudges,
 * so nothing is looked up by key. attribution.ts, period-figures.ts, breakdowns.ts, reasons.ts
 * and days.ts say what each figure is.
 */

const HOUR_MS = 3_600_000;
const COUNTED = ["quiet-hours", "buyer-cap", "declined"] as const;

interface Tally {
  unpaidSeen: number;
  nudged: number;
  recovered: number;
  paidByThemselves: number;
  paidTimeEstimated: number;
  cents: Cents;
  timesToPay: number[];
  skips: Map<string, number>;
  reasons: Map<string, number>;
}

const tally = (): Tally => ({
  unpaidSeen: 0,
  nudged: 0,
  recovered: 0,
  paidByThemselves: 0,
  paidTimeEstimated: 0,
  cents: noCents(),
  timesToPay: [],
  skips: new Map(COUNTED.map((c) => [c, 0])),
  reasons: new Map(),
});

const bump = (counts: Map<string, number>, id: string) =>
  counts.set(id, (counts.get(id) ?? 0) + 1);

function periodFigures(t: Tally, period: ReportPeriod): PeriodFigures {
  return {
    period,
    unpaidSeen: t.unpaidSeen,
    nudged: t.nudged,
    recovered: t.recovered,
    recoveryRate: rate(t.recovered, t.nudged),
    recoveredCents: t.cents,
    paidByThemselves: t.paidByThemselves,
    skipped: COUNTED.map((cause) => ({
      cause: cause as SkipCause,
      count: t.skips.get(cause)!,
    })),
    medianTimeToPayMs: median(t.timesToPay),
    paidTimeEstimated: t.paidTimeEstimated,
  };
}

/** Lines in columns, but for those whose key `skip` holds (out of date: read afresh in another). */
export interface LineBlock {
  lines: LineColumns;
  skip?: ReadonlySet<string>;
}

/**
 * The whole report of `period` with the previous one beside it, from blocks of lines holding every
 * line it may need, each order's once.
 */
export function lineFigures(
  blocks: readonly LineBlock[],
  settings: { attributionHours: number },
  period: ReportPeriod,
): ReportFigures {
  const previous = previousPeriod(period);
  const windowMs = settings.attributionHours * HOUR_MS;
  const { from, to } = period;
  const before = previous.from;
  const cur = tally();
  const pre = tally();
  const starts = dayStarts(period);
  const days = starts.map(emptyDay);
  const tables = Object.fromEntries(
    BREAKDOWN_KEYS.map((k) => [k, new Map<string, Group>()]),
  ) as Record<BreakdownKey, Map<string, Group>>;
  // Reasons heard of one line in each period and on one day: a few codes, searched in a list.
  const heardNow: number[] = [];
  const heardBefore: number[] = [];
  const heardToday: number[] = [];

  for (const { lines, skip } of blocks) {
    const { words, times, meta, nudgeAt, nudgeMeta } = lines;
    const count = lineCount(lines);
    const keys = skip && lineKeys(lines);
    const word = (code: number) => (code === 0 ? "" : words[code - 1]!);
    // The block's groups by word code, found once per code.
    const groupCache = BREAKDOWN_KEYS.map(
      () => new Array<Group | undefined>(words.length + 1),
    );
    const group = (k: number, code: number): Group => {
      let g = groupCache[k]![code];
      if (!g) {
        const table = tables[BREAKDOWN_KEYS[k]!];
        const id = word(code);
        g = table.get(id);
        if (!g)
          table.set(id, (g = { nudged: 0, recovered: 0, cents: noCents() }));
        groupCache[k]![code] = g;
      }
      return g;
    };
    /** Adds to the six groups of nudge `j` of the line at `m`. */
    const addToGroups = (
      j: number,
      m: number,
      nudged: number,
      recovered: number,
      cents: number,
      usd: boolean,
    ) => {
      const c = j * NUDGE_META;
      for (const g of [
        group(0, nudgeMeta[c + 1]!), // step
        group(1, nudgeMeta[c]!), // channel
        group(2, nudgeMeta[c + 2]!), // template
        group(3, nudgeMeta[c + 3]!), // agent
        group(4, meta[m + 1]!), // shop
        group(5, meta[m]!), // platform
      ]) {
        g.nudged += nudged;
        g.recovered += recovered;
        g.cents[usd ? "USD" : "CNY"] += cents;
      }
    };

    let start = 0;
    for (let i = 0; i < count; i++) {
      const t = i * TIMES;
      const m = i * META;
      const end = meta[m + 4]!;
      const first = start;
      start = end;
      if (keys && skip!.has(keys[i]!)) continue;

      const unpaidSeenAt = times[t]!;
      if (unpaidSeenAt >= from && unpaidSeenAt < to) cur.unpaidSeen += 1;
      else if (unpaidSeenAt >= before && unpaidSeenAt < from)
        pre.unpaidSeen += 1;
      const cause = meta[m + 2]!;
      if (cause !== 0) {
        const at = times[t + 3]!;
        if (at >= from && at < to) bump(cur.skips, word(cause));
        else if (at >= before && at < from) bump(pre.skips, word(cause));
      }
      const declinedAt = times[t + 4]!;
      if (declinedAt >= from && declinedAt < to) bump(cur.skips, "declined");
      else if (declinedAt >= before && declinedAt < from)
        bump(pre.skips, "declined");

      let nudgedNow = false;
      let nudgedBefore = false;
      let lastNow = -1;
      let lastDay = -1;
      heardNow.length = 0;
      heardBefore.length = 0;
      for (let j = first; j < end; j++) {
        const at = nudgeAt[j]!;
        const reason = nudgeMeta[j * NUDGE_META + 4]!;
        if (at >= before && at < from) {
          nudgedBefore = true;
          if (reason !== 0 && !heardBefore.includes(reason)) {
            heardBefore.push(reason);
            bump(pre.reasons, word(reason));
          }
        }
        if (!(at >= from && at < to)) continue;
        nudgedNow = true;
        lastNow = j;
        if (reason !== 0 && !heardNow.includes(reason)) {
          heardNow.push(reason);
          bump(cur.reasons, word(reason));
        }
        const d = dayIndex(starts, at);
        if (d !== lastDay) {
          lastDay = d;
          heardToday.length = 0;
          days[d]!.nudged += 1;
        }
        if (reason !== 0 && !heardToday.includes(reason)) {
          heardToday.push(reason);
          const dayReasons = days[d]!.reasons;
          const id = word(reason);
          dayReasons[id] = (dayReasons[id] ?? 0) + 1;
        }
      }
      if (nudgedNow) cur.nudged += 1;
      if (nudgedBefore) pre.nudged += 1;
      if (lastNow >= 0) addToGroups(lastNow, m, 1, 0, 0, false);

      const paidTime = times[t + 1]!;
      const inNow = paidTime >= from && paidTime < to;
      if (!inNow && !(paidTime >= before && paidTime < from)) continue;
      const sum = inNow ? cur : pre;
      let last = -1;
      for (let j = first; j < end && nudgeAt[j]! <= paidTime; j++) last = j;
      const flags = meta[m + 3]!;
      if (last < 0) {
        if (flags & SAW_UNPAID) sum.paidByThemselves += 1;
        continue;
      }
      const timeToPay = paidTime - nudgeAt[last]!;
      if (timeToPay > windowMs) continue;
      const amount = times[t + 2]!;
      const usd = (flags & USD) !== 0;
      sum.recovered += 1;
      sum.cents[usd ? "USD" : "CNY"] += amount;
      sum.timesToPay.push(timeToPay);
      if (flags & ESTIMATED) sum.paidTimeEstimated += 1;
      if (!inNow) continue;
      addToGroups(last, m, 0, 1, amount, usd);
      const day = days[dayIndex(starts, paidTime)]!;
      day.recovered += 1;
      if (usd) day.recoveredUsdCents += amount;
      else day.recoveredCents += amount;
    }
  }
  for (const day of days) day.recoveryRate = rate(day.recovered, day.nudged);
  return {
    attributionHours: settings.attributionHours,
    current: periodFigures(cur, period),
    previous: periodFigures(pre, previous),
    breakdowns: breakdownRows(tables),
    reasons: reasonRowsOf(cur.reasons, pre.reasons),
    days,
  };
}

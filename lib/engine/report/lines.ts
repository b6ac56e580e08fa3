import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/*
 * One order's part in the report, boiled down to what the figures read (issue 16): a big shop's
 * month is 200 000 orders and 100 000 nudges, and reading those rows whole takes seconds. A line
 * is a function of the order row (absent once deleted) and all its nudges, so it can be kept beside
 * them (lib/db/report-digest/) and recomputed whenever either changes; lib/engine/report/
 * line-figures.ts gives from lines exactly the figures reportFigures gives from the rows.
 */

/** One nudge as the report reads it; a field the nudge did not record is "". */
export interface LineNudge {
  at: number;
  channel: string;
  step: string;
  template: string;
  agent: string;
  /** A reason id; the reader leaves out any this version does not know (lib/db/report-digest/). */
  reason?: string;
}

export interface ReportLine {
  key: string;
  /** The breakdowns' groups of the order: its row's, else the key's platform and no shop. */
  platform: string;
  shop: string;
  unpaidSeenAt?: number;
  /** When it was paid (paidAt, else paidSeenAt): absent while not seen paid. */
  paidTime?: number;
  /** The payment time is the moment PayNudge first saw it paid. */
  estimated: boolean;
  /** Seen unpaid no later than paid: a payment with no nudge before it is the baseline. */
  sawUnpaid: boolean;
  amountCents: number;
  usd: boolean;
  /** Why no nudge fits (the current plan), and the moment it counts at (first seen unpaid). */
  noSlotCause?: string;
  skipAt?: number;
  declinedAt?: number;
  /** All its nudges, oldest first (ties in the order they were logged). */
  nudges: LineNudge[];
}

const lineNudge = (nudge: NudgeLog): LineNudge => {
  const line: LineNudge = {
    at: nudge.at,
    channel: nudge.channel,
    step: nudge.step ?? "",
    template: nudge.templateId ?? "",
    agent: nudge.agent ?? "",
  };
  if (nudge.reason !== undefined) line.reason = nudge.reason;
  return line;
};

/** The order's nudges by time, ties by id (the log's order). */
const byTime = (a: NudgeLog, b: NudgeLog) =>
  a.at - b.at || (a.id ?? 0) - (b.id ?? 0);

/**
 * The line of order `key`: its row (undefined once deleted, or never stored) and all its nudges.
 * Undefined when nothing of it can count in any report.
 */
export function reportLine(
  key: string,
  order: StoredOrder | undefined,
  nudges: readonly NudgeLog[],
): ReportLine | undefined {
  const paidTime = order ? (order.paidAt ?? order.paidSeenAt) : undefined;
  const line: ReportLine = {
    key,
    // An order key is `platform:orderId` (lib/model/order.ts orderKey).
    platform: order?.platform ?? key.split(":", 1)[0]!,
    shop: order?.shopName ?? "",
    estimated: order?.paidAt === undefined,
    sawUnpaid:
      paidTime !== undefined &&
      order?.unpaidSeenAt !== undefined &&
      order.unpaidSeenAt <= paidTime,
    amountCents: order?.amountCents ?? 0,
    usd: order?.currency === "USD",
    nudges: [...nudges].sort(byTime).map(lineNudge),
  };
  if (order?.unpaidSeenAt !== undefined) line.unpaidSeenAt = order.unpaidSeenAt;
  if (paidTime !== undefined) line.paidTime = paidTime;
  if (order?.noSlotCause !== undefined) {
    line.noSlotCause = order.noSlotCause;
    line.skipAt = order.unpaidSeenAt ?? order.firstSeenAt;
  }
  if (order?.declinedAt !== undefined) line.declinedAt = order.declinedAt;
  return lineLatest(line) === undefined ? undefined : line;
}

/**
 * The latest moment at which the line counts in any figure: a report of a period starting after it
 * never needs the line. Undefined when it counts nowhere.
 */
export function lineLatest(line: ReportLine): number | undefined {
  let latest: number | undefined;
  const see = (at: number | undefined) => {
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  };
  see(line.unpaidSeenAt);
  see(line.paidTime);
  see(line.skipAt);
  see(line.declinedAt);
  for (const nudge of line.nudges) see(nudge.at);
  return latest;
}

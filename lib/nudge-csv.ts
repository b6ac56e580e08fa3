import { format } from "date-fns";
import type { NudgeLog } from "./db";
import type { StoredOrder } from "./order";

const COLUMNS = [
  "time",
  "platform",
  "order",
  "buyer",
  "channel",
  "step",
  "template",
  "agent",
  "outcome",
  "reason",
  "note",
] as const;

/**
 * One CSV cell. Quotes as RFC 4180 wants; a leading = + - @ (or tab/CR) is defused with an
 * apostrophe, because buyer nicknames are untrusted and spreadsheets run formulas.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The nudge log as CSV, oldest first, with a BOM so that Excel reads the Chinese text right. */
export function nudgeLogCsv(
  nudges: readonly NudgeLog[],
  orders: ReadonlyMap<string, StoredOrder>,
): string {
  const lines = [COLUMNS.join(",")];
  for (const n of [...nudges].sort((a, b) => a.at - b.at)) {
    const order = orders.get(n.orderKey);
    lines.push(
      [
        format(n.at, "yyyy-MM-dd HH:mm:ss"),
        order?.platform ?? n.orderKey.split(":")[0],
        order?.orderId ?? n.orderKey.split(":").slice(1).join(":"),
        order?.buyer,
        n.channel,
        n.step,
        n.templateId,
        n.agent,
        n.outcome,
        n.reason,
        n.note,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

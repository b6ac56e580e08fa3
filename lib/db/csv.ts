import { format } from "date-fns";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

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

/** A character a spreadsheet takes as the start of a formula. */
const FORMULA = "[=+\\-@\\t\\r]";
/** Any white space a spreadsheet may skip before it: spaces, NBSP, U+3000, line breaks. */
const BLANK = "[\\s\\u00a0\\u3000\\ufeff]*";
const LEADING_FORMULA = new RegExp(`^${BLANK}${FORMULA}`, "u");
/** A formula after a separator that a spreadsheet in another locale may split the cell at. */
const SPLIT_FORMULA = new RegExp(`([;,]${BLANK})(${FORMULA})`, "gu");

/**
 * One CSV cell. Buyer nicknames, items and notes are untrusted, and spreadsheets run formulas: a
 * formula character at the start of the cell (after any white space) or of any part a spreadsheet
 * might split off at a ; or , is defused with an apostrophe. Cells with a separator, quote or line
 * break are quoted as RFC 4180 wants (; too: Excel splits at it in many locales).
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  if (typeof value === "string") {
    text = text.replace(SPLIT_FORMULA, "$1'$2");
    if (LEADING_FORMULA.test(text)) text = `'${text}`;
  }
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

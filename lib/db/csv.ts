import { format } from "date-fns";
import { hasMessage, t, type Locale, type MessageKey } from "@/lib/i18n";
import type { NudgeLog } from "@/lib/model/nudge-log";
import { nudgeState } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";
import { PLATFORMS } from "@/lib/model/platforms";
import {
  isOutcomeId,
  isReasonId,
  OUTCOMES,
  REASONS,
} from "@/lib/templates/outcomes";

/** The columns, headed in the UI's language: a seller opens the file in Excel or WPS, not code. */
const COLUMNS: readonly MessageKey[] = [
  "csv.time",
  "csv.platform",
  "csv.order",
  "csv.buyer",
  "csv.channel",
  "csv.step",
  "csv.template",
  "csv.agent",
  "csv.outcome",
  "csv.reason",
  "csv.note",
  "csv.state",
];

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

/**
 * A cell of digits a spreadsheet must keep as text: an order number (Taobao's have 19 digits) or a
 * buyer shown as digits. Excel and WPS turn an unmarked run of digits into a number, which keeps 15
 * significant digits (3905120000000000007 becomes 3.90512E+18) and drops leading zeros.
 *
 * Why a leading tab, quoted ("\t3905…"), and not the other common ways:
 * - `="3905…"` is a formula: the very thing this export defuses everywhere else, kept as a formula
 *   when the sheet is saved again and read as one by any other tool that opens the file;
 * - a leading apostrophe is shown as part of the text when a CSV is opened (only typing it hides it);
 * - the tab makes both Excel and WPS read the cell as text (the usual way Chinese back-offices
 *   export order numbers). It is itself on the list of formula starts (some tools skip it and read
 *   what follows), so it is added only to a cell that is digits and nothing else, after which there
 *   is nothing to run; any other value goes through csvCell's defusal unchanged. The cost: the value
 *   holds an invisible tab (TRIM or CLEAN removes it before a lookup).
 */
export function textCell(value: string | undefined): string {
  if (value === undefined || !/^\d+$/.test(value)) return csvCell(value);
  return `"\t${value}"`;
}

/** A stored code as the UI says it, or the code itself when it is not one of ours (an old row). */
function label(
  code: string | undefined,
  known: (code: string) => string | undefined,
): string | undefined {
  return code === undefined ? undefined : (known(code) ?? code);
}

/** The nudge log as CSV, oldest first, with a BOM so that Excel reads the Chinese text right. */
export function nudgeLogCsv(
  nudges: readonly NudgeLog[],
  orders: ReadonlyMap<string, StoredOrder>,
  locale: Locale = "zh",
  /** For each order's state now; the options page passes the moment of the export. */
  now: number = Date.now(),
  /** Template names by id (the seller's and the shipped ones); an unknown id is written as it is. */
  templateNames: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = [COLUMNS.map((key) => csvCell(t(locale, key))).join(",")];
  for (const n of [...nudges].sort((a, b) => a.at - b.at)) {
    const order = orders.get(n.orderKey);
    const platform = order?.platform ?? n.orderKey.split(":")[0] ?? "";
    const state = order && nudgeState(order, now);
    lines.push(
      [
        csvCell(format(n.at, "yyyy-MM-dd HH:mm:ss")),
        csvCell(
          label(platform, (id) =>
            id in PLATFORMS
              ? t(locale, PLATFORMS[id as keyof typeof PLATFORMS].label)
              : undefined,
          ),
        ),
        textCell(order?.orderId ?? n.orderKey.split(":").slice(1).join(":")),
        textCell(order?.buyer),
        csvCell(t(locale, `channel.${n.channel}`)),
        csvCell(
          label(n.step, (step) => {
            const key = `step.${step}`;
            return hasMessage(key) ? t(locale, key) : undefined;
          }),
        ),
        csvCell(label(n.templateId, (id) => templateNames.get(id))),
        csvCell(n.agent),
        csvCell(
          label(n.outcome, (id) =>
            isOutcomeId(id) ? OUTCOMES[id].label[locale] : undefined,
          ),
        ),
        csvCell(
          label(n.reason, (id) =>
            isReasonId(id) ? REASONS[id].label[locale] : undefined,
          ),
        ),
        csvCell(n.note),
        // What the order is now (paid, closed, still due…); "other" says the platform's own word.
        csvCell(
          state === undefined
            ? undefined
            : state === "other"
              ? order?.statusText
              : t(locale, `state.${state}`),
        ),
      ].join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

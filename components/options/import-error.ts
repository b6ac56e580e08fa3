import type { z } from "zod";
import { hasMessage, t, type Locale } from "@/lib/i18n";
import type { BackupError } from "@/lib/messaging/backup-error";
import type { Backup } from "@/lib/messaging/import-requests";
import { isSettingKey, SETTING_SCHEMAS } from "@/lib/schemas/settings";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";
import type { TableName } from "@/lib/db/tables";

/*
 * An import's refusal in the seller's language: what and where (the table, the row, the field and
 * what is wrong with it), never the validator's or the database's English.
 */

type Issue = z.core.$ZodIssue;

/** The kinds of value a field may expect, in words; anything else is "the wrong kind". */
const TYPE_WORDS = {
  string: "import.type.string",
  number: "import.type.number",
  boolean: "import.type.boolean",
  object: "import.type.object",
  array: "import.type.array",
} as const;

/** The value at `path` inside `data`, or undefined where the path leads nowhere. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** What is wrong with one field, worded for the seller. */
function problemOf(issue: Issue, found: unknown, locale: Locale): string {
  switch (issue.code) {
    case "invalid_type": {
      if (found === undefined) return t(locale, "import.issue.missing");
      const word = TYPE_WORDS[issue.expected as keyof typeof TYPE_WORDS];
      return word
        ? t(locale, "import.issue.typeOf", { expected: t(locale, word) })
        : t(locale, "import.issue.type");
    }
    case "too_big":
    case "too_small":
    case "not_multiple_of":
      return t(locale, "import.issue.range");
    case "invalid_value":
    case "invalid_union":
      return t(locale, "import.issue.value");
    case "invalid_format":
      return t(locale, "import.issue.format");
    case "unrecognized_keys":
      return t(locale, "import.issue.extra");
    default:
      return t(locale, "import.issue.invalid");
  }
}

/** A field's path as the seller reads it: `items › 第 2 项 › price`. */
function pathText(path: readonly PropertyKey[], locale: Locale): string {
  return path
    .map((step) =>
      typeof step === "number"
        ? t(locale, "import.row", { n: step + 1 })
        : String(step),
    )
    .join(" › ");
}

/** The first field of a refused row and what is wrong with it, or undefined when none is found. */
function fieldProblem(
  table: TableName,
  row: unknown,
  locale: Locale,
  tableWord: string,
): string | undefined {
  const result = ROW_SCHEMAS[table].safeParse(row);
  const issue = result.success ? undefined : result.error.issues[0];
  if (!issue) return undefined;
  const key = valueAt(row, ["key"]);
  // A setting's value is checked by its own schema: its name and the field inside it are told.
  if (table === "settings" && issue.path[0] === "value" && isSettingKey(key)) {
    const value = valueAt(row, ["value"]);
    const inner = SETTING_SCHEMAS[key].safeParse(value);
    const innerIssue = inner.success ? undefined : inner.error.issues[0];
    const name = t(locale, `setting.${key}`);
    return t(locale, "import.where", {
      field: [name, pathText(innerIssue?.path ?? [], locale)]
        .filter(Boolean)
        .join(" › "),
      problem: innerIssue
        ? problemOf(innerIssue, valueAt(value, innerIssue.path), locale)
        : t(locale, "import.issue.invalid"),
    });
  }
  return t(locale, "import.where", {
    field: pathText(issue.path, locale) || tableWord,
    problem: problemOf(issue, valueAt(row, issue.path), locale),
  });
}

/**
 * A refusal in the seller's words: the code's sentence (with the table and row), then, for a row
 * the checks refused, which field and why, found again in the backup the page still holds.
 */
export function importErrorText(
  error: BackupError,
  locale: Locale,
  backup?: Backup,
): string {
  const tableKey = `table.${error.table ?? ""}`;
  const tableWord = hasMessage(tableKey) ? t(locale, tableKey) : "";
  const text = t(locale, `backup.${error.code}`, {
    table: tableWord,
    row: error.row ?? "",
  });
  if (error.code !== "bad-row" || !backup || !error.table || !error.row)
    return text;
  const table = error.table as TableName;
  const rows = (backup.tables as Partial<Record<string, unknown[]>>)[table];
  const row = rows?.[error.row - 1];
  if (!(table in ROW_SCHEMAS) || row === undefined) return text;
  const detail = fieldProblem(table, row, locale, tableWord);
  // Chinese sentences follow each other without a space; English ones with one.
  return detail ? `${text}${locale === "zh" ? "" : " "}${detail}` : text;
}

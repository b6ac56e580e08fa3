import type { PayNudgeDB } from "@/lib/db/schema";
import { SETTING_KEYS } from "@/lib/db/setting-values";

/** Every table of the database (schema.ts), as a backup names them. */
export const TABLE_NAMES = [
  "orders",
  "nudges",
  "settings",
  "alerts",
  "templates",
  "notices",
] as const satisfies readonly (keyof PayNudgeDB)[];
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Tables kept from the others, never backed up nor imported: the report's lines
 * (lib/db/report-digest/), built again from the orders and nudges whenever those are replaced.
 */
export const DERIVED_TABLES = [
  "reportDays",
  "reportDirty",
] as const satisfies readonly (keyof PayNudgeDB)[];

/** Tables a backup carries and an import restores; the others are emptied by an import. */
export const RESTORED_TABLES: readonly TableName[] = [
  "orders",
  "nudges",
  "settings",
  "alerts",
  "templates",
];

/**
 * Most rows a table may hold after an import: far above what a shop keeps (a large shop's backup
 * is ~100 000 orders), low enough that a crafted file cannot fill the disk.
 */
export const MAX_ROWS: Record<TableName, number> = {
  orders: 500_000,
  nudges: 2_000_000,
  settings: SETTING_KEYS.length,
  alerts: 2_000_000,
  templates: 1_000,
  notices: 100_000,
};

/** The primary key of a row of each table, to refuse duplicates before the database does. */
export const PRIMARY_KEY: Record<TableName, string> = {
  orders: "key",
  nudges: "id",
  settings: "key",
  alerts: "id",
  templates: "id",
  notices: "id",
};

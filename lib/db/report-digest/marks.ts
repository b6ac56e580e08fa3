import type { PayNudgeDB } from "@/lib/db/schema";
import { EVERY_LINE, type MarkRow } from "@/lib/db/report-digest/dirty";

/** What the marks say, read in the caller's transaction. */
export interface Marks {
  rows: MarkRow[];
  /** The order keys marked out of date. */
  keys: Set<string>;
  /** The emptyings marked: every line is out of date while there is one. */
  emptyings: string[];
}

export async function readMarks(db: PayNudgeDB): Promise<Marks> {
  const rows = await db.reportDirty.toArray();
  const keys = new Set<string>();
  const emptyings: string[] = [];
  for (const row of rows) {
    if (row.keys.includes(EVERY_LINE)) emptyings.push(row.emptying ?? "");
    else for (const key of row.keys) keys.add(key);
  }
  return { rows, keys, emptyings };
}

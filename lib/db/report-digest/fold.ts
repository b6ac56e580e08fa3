import type { PayNudgeDB } from "@/lib/db/schema";
import { digestDayOf, encodeDay } from "@/lib/db/report-digest/days";
import { EVERY_LINE, type MarkRow } from "@/lib/db/report-digest/dirty";
import { readMarks } from "@/lib/db/report-digest/marks";
import { freshLines, linesAfter } from "@/lib/db/report-digest/fresh-lines";
import { decodeLines, lineKeys } from "@/lib/engine/report/line-columns";
import { lineLatest, type ReportLine } from "@/lib/engine/report/lines";

/*
 * Brings the stored lines up to date with the marks (dirty.ts), a batch of order keys per
 * transaction so that a page's writes never wait long behind it: each marked order's line is read
 * afresh from its rows and moved to the day of its latest moment, its old day's copy dropped.
 * "Every line" (an emptied table, the update that brought lines) builds them all anew instead.
 *
 * Which day holds each key's line is known from the days themselves, read once per database
 * object (a worker's life) and kept in step with each fold that commits: a row per key would
 * cost the build 60 µs a key, 12 s for a big shop's 200 000. The background is the one folder.
 */

/** Order keys folded at a time: their rows are read in one transaction, a page's writes waiting. */
const FOLD_BATCH = 250;
/** Orders read per transaction while every line is built (one range of orders, one of nudges). */
const BUILD_SLICE = 2000;

const filedDays = new WeakMap<PayNudgeDB, Map<string, number>>();

/** Each key's day, read from the stored days (in the caller's transaction) unless already known. */
async function filedDayOf(db: PayNudgeDB): Promise<Map<string, number>> {
  let index = filedDays.get(db);
  if (!index) {
    index = new Map();
    await db.reportDays.each((row) => {
      for (const key of lineKeys(row)) index!.set(key, row.day);
    });
  }
  return index;
}

const dayOf = (line: ReportLine) => digestDayOf(lineLatest(line)!);

/**
 * Every line built from the rows, read a slice of orders per transaction (a page's writes go in
 * between), the days written at the end in one. The report reads the rows until then. Writes
 * meanwhile mark their orders, folded afterwards; an emptying meanwhile (a new "every line" mark)
 * makes this build moot, and the next starts over.
 */
async function buildEveryLine(
  db: PayNudgeDB,
  slice: number,
  emptyings: readonly string[],
): Promise<void> {
  const byDay = new Map<number, ReportLine[]>();
  const file = (lines: (ReportLine | undefined)[]) => {
    for (const line of lines) {
      if (!line) continue;
      const day = dayOf(line);
      const list = byDay.get(day);
      if (list) list.push(line);
      else byDay.set(day, [line]);
    }
  };
  const orderKeys = new Set<string>();
  for (let after = ""; ;) {
    const { keys, lines } = await db.transaction(
      "r",
      db.orders,
      db.nudges,
      () => linesAfter(db, after, slice),
    );
    if (!keys.length) break;
    file(lines);
    for (const key of keys) orderKeys.add(key);
    after = keys.at(-1)!;
  }
  // Nudges whose order is gone (pruned, or merged without its order): lines of their own.
  const orphans = (
    (await db.nudges.orderBy("orderKey").uniqueKeys()) as string[]
  ).filter((key) => !orderKeys.has(key));
  for (let i = 0; i < orphans.length; i += slice) {
    const keys = orphans.slice(i, i + slice);
    file(
      await db.transaction("r", db.orders, db.nudges, () =>
        freshLines(db, keys),
      ),
    );
  }
  filedDays.delete(db);
  const built = await db.transaction(
    "rw",
    db.reportDirty,
    db.reportDays,
    async () => {
      const now = await readMarks(db);
      if (now.emptyings.some((e) => !emptyings.includes(e))) return false;
      await db.reportDays.clear();
      await db.reportDays.bulkPut(
        [...byDay].map(([day, lines]) => encodeDay(day, lines)),
      );
      // The keys marked meanwhile stay marked: their rows may have changed after their slice.
      await db.reportDirty.bulkDelete(
        now.rows
          .filter((row) => row.keys.includes(EVERY_LINE))
          .map((row) => row.id!),
      );
      return true;
    },
  );
  if (built) {
    const index = new Map<string, number>();
    for (const [day, lines] of byDay)
      for (const line of lines) index.set(line.key, day);
    filedDays.set(db, index);
  }
}

/**
 * One batch of marks folded; answers how many marks are left. Three transactions, none holding
 * the orders while lines are encoded, so a page's writes never wait behind a fold: the marks and
 * their orders' rows are read; the days are written; the marks read are deleted. A write between
 * these marks its order again, in a row of its own that stays for the next fold (the report reads
 * that order afresh meanwhile), so a line written from rows read a moment earlier never stands.
 */
async function foldMarks(db: PayNudgeDB, batch: number): Promise<number> {
  const read = await db.transaction(
    "r",
    [db.orders, db.nudges, db.reportDirty],
    async () => {
      // The oldest marks, whole rows, up to about `batch` keys (a row of more is taken alone).
      const taken: MarkRow[] = [];
      const keys = new Set<string>();
      for (const row of await db.reportDirty.limit(batch).toArray()) {
        if (taken.length && keys.size + row.keys.length > batch) break;
        taken.push(row);
        for (const key of row.keys) keys.add(key);
      }
      // Emptied since the caller looked: the next call builds every line.
      if (!taken.length || keys.has(EVERY_LINE)) return undefined;
      const marks = [...keys];
      return { taken, marks, lines: await freshLines(db, marks) };
    },
  );
  if (!read) return db.reportDirty.count();
  const { taken, marks, lines } = read;
  const moves = new Map<string, number | undefined>();
  await db.transaction("rw", db.reportDays, async () => {
    const filed = await filedDayOf(db);
    const days = new Set<number>();
    marks.forEach((key, i) => {
      const old = filed.get(key);
      const line = lines[i];
      const now = line && dayOf(line);
      if (old !== undefined) days.add(old);
      if (now !== undefined) days.add(now);
      moves.set(key, now);
    });
    const dayList = [...days];
    const rows = await db.reportDays.bulkGet(dayList);
    const marked = new Set(marks);
    const byDay = new Map<number, ReportLine[]>();
    dayList.forEach((day, i) => {
      const row = rows[i];
      byDay.set(day, row ? decodeLines(row, marked) : []);
    });
    for (const line of lines)
      if (line) byDay.get(moves.get(line.key)!)!.push(line);
    const kept = [...byDay].filter(([, list]) => list.length > 0);
    const emptied = [...byDay].filter(([, list]) => list.length === 0);
    await Promise.all([
      db.reportDays.bulkPut(kept.map(([day, list]) => encodeDay(day, list))),
      db.reportDays.bulkDelete(emptied.map(([day]) => day)),
    ]);
    filedDays.set(db, filed);
  });
  // Kept in step only once the days it tells of are committed.
  const index = filedDays.get(db);
  if (index)
    for (const [key, day] of moves)
      if (day === undefined) index.delete(key);
      else index.set(key, day);
  await db.reportDirty.bulkDelete(taken.map((row) => row.id!));
  return db.reportDirty.count();
}

/**
 * Folds one batch of marks (`batch` order keys), or builds every line (`slice` orders read per
 * transaction); answers how many marks are left.
 */
export async function foldDirtyLines(
  db: PayNudgeDB,
  { batch = FOLD_BATCH, slice = BUILD_SLICE } = {},
): Promise<number> {
  try {
    const { emptyings } = await readMarks(db);
    if (!emptyings.length) return await foldMarks(db, batch);
    await buildEveryLine(db, slice, emptyings);
    return await db.reportDirty.count();
  } catch (error) {
    // What the index says may not be what is stored any more: read it again next time.
    filedDays.delete(db);
    throw error;
  }
}

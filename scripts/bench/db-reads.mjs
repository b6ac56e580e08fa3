// Benchmark (issue 13, 双11 scale): the due check's reads and the popup's queue read with 100 000
// stored orders, in real Chromium's IndexedDB. Goal: each ≤ 10 ms over the same reads on an empty
// database (the floor, measured in the same run).
//
// Method: the extension's own database code (lib/db, bundled by support/bundle.mjs) runs in a page
// of the built extension, against three databases of the extension's schema beside its own: one
// seeded with a 双11 day's store (97 000 paid or closed orders over 30 days, 3 000 unpaid ones due
// across the day around now, the earlier ones already notified, one order in 40 nudged today, a
// nudge log); an empty one, the floor: what the same reads cost with nothing stored; and the same
// open and nudged orders without the history, which tells whether the cost is the store's size or
// the day's work. They take turns, RUNS times each, and the medians are reported.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTENSION_DIR, launchWithExtension } from "../chrome.mjs";
import { bundle } from "./support/bundle.mjs";

const ORDERS = 100_000;
const UNPAID = 3_000;
const RUNS = 15;
const GOAL_MS = 10;
const FULL = "paynudge-bench-full";
const EMPTY = "paynudge-bench-empty";
/** The same open orders and today's nudged ones without the paid and closed history. */
const OPEN = "paynudge-bench-open";

const entry = () => `
const makeRows = ${MAKE_ROWS.toString()};
import { PayNudgeDB } from "@/lib/db/schema";
import { countDueNow, dueUnnotified, nextAlarmAt } from "@/lib/db/due-orders";
import { replanDue } from "@/lib/db/order-plans";
import { loadPopupData } from "@/lib/db/popup-data";
import { FIRST_SCREEN, FULL_QUEUE } from "@/lib/db/queue";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { getSetting } from "@/lib/schemas/settings";

const dbs = new Map();
const open = (name) => {
  if (!dbs.has(name)) dbs.set(name, new PayNudgeDB(name));
  return dbs.get(name);
};

const timed = async (fn) => {
  const start = performance.now();
  const out = await fn();
  return { ms: performance.now() - start, out };
};

/**
 * What lib/background/due-check.ts reads on a tick with nothing new to notify, in its order; the
 * time of each, and of all.
 */
async function dueCheckReads(db, now) {
  const start = performance.now();
  const settings = await timed(() =>
    Promise.all([loadEngineSettings(db), getSetting(db, "notificationsPaused")]),
  );
  const replan = await timed(() => replanDue(db, now, settings.out[0]));
  const due = await timed(() => dueUnnotified(db, now));
  const count = await timed(() => countDueNow(db, now));
  const alarm = await timed(() => nextAlarmAt(db));
  return {
    all: performance.now() - start,
    settings: settings.ms,
    replanDue: replan.ms,
    dueUnnotified: due.ms,
    countDueNow: count.ms,
    nextAlarmAt: alarm.ms,
  };
}

globalThis.__bench = {
  open,
  async seed(name, chunk, openOnly = false) {
    let { rows, nudges } = makeRows(chunk);
    if (openOnly) {
      rows = rows.filter((r) => r.status === "unpaid" || r.lastNudgeAt !== undefined);
      const keep = new Set(rows.map((r) => r.key));
      nudges = nudges.filter((n) => keep.has(n.orderKey));
    }
    const db = open(name);
    await db.transaction("rw", db.orders, db.nudges, async () => {
      await db.orders.bulkPut(rows);
      await db.nudges.bulkAdd(nudges);
    });
  },
  async counts(name) {
    const db = open(name);
    return { orders: await db.orders.count(), nudges: await db.nudges.count() };
  },
  async run(name, now) {
    const db = open(name);
    const due = await timed(() => dueUnnotified(db, now));
    const check = await timed(() => dueCheckReads(db, now));
    const first = await timed(() => loadPopupData(db, FIRST_SCREEN, now));
    const full = await timed(() => loadPopupData(db, FULL_QUEUE, now));
    return {
      due: due.ms,
      dueCount: due.out.length,
      check: check.out.all,
      parts: check.out,
      first: first.ms,
      full: full.ms,
      groups: full.out.groups
        .map((g) => g.id + " " + g.count + (g.countIsLowerBound ? "+" : ""))
        .join(", "),
    };
  },
  async drop() {
    for (const db of dbs.values()) await db.delete();
  },
};
`;

/**
 * One chunk of the 双11 store, rows [from, to): built in the page, so 100 000 rows never cross
 * the DevTools protocol. Every 33rd order is unpaid (≈ 3 000), its due moment spread over the 24
 * hours around now.
 */
const MAKE_ROWS = ({ from, to, total, unpaid, now }) => {
  const H = 3_600_000;
  const D = 24 * H;
  const every = Math.floor(total / unpaid);
  const rows = [];
  const nudges = [];
  for (let i = from; i < to; i++) {
    const orderId = String(3905120000000000000n + BigInt(i));
    const key = `taobao:${orderId}`;
    const isUnpaid = i % every === 0;
    const j = i / every;
    const createdAt = isUnpaid
      ? now - 13 * H + Math.floor((j * D) / unpaid) - 30 * 60_000
      : now - Math.floor((i / total) * 30 * D) - H;
    const row = {
      key,
      platform: "taobao",
      orderId,
      status: isUnpaid ? "unpaid" : i % 3 ? "paid" : "closed",
      createdAt,
      amountCents: 1000 + (i % 50_000),
      currency: "CNY",
      buyer: `买家${i % 9973}**`,
      items: [{ title: `双11 商品 ${i % 500}`, attrs: "颜色分类：燕麦色" }],
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      shopName: "基准测试店铺",
      firstSeenAt: createdAt,
      lastSeenAt: now - (i % 600) * 60_000,
      nudgeCount: 0,
    };
    if (isUnpaid) {
      const dueAt = now - 12 * H + Math.floor((j * D) / unpaid);
      Object.assign(row, {
        nextDueAt: dueAt,
        nextStep: "first",
        nextChannel: "chat",
        nextScenario: "first",
        deadlineAt: createdAt + 72 * H,
        // A later step takes over within the next two hours (the due check's re-plan).
        replanAt: now + 60_000 + (j % 120) * 60_000,
      });
      // Notified when it fell due; the last minute's are the ones this tick notifies.
      if (dueAt <= now - 60_000) row.notifiedDueAt = dueAt;
    }
    if (i % 40 === 1) {
      const at = now - (i % 600) * 60_000;
      Object.assign(row, { lastNudgeAt: at, nudgeCount: 1, lastAgent: "小美" });
      nudges.push({ orderKey: key, at, channel: "chat", step: "first" });
    } else if (i % 10 === 0 && !isUnpaid) {
      nudges.push({ orderKey: key, at: createdAt + H, channel: "chat" });
    }
    rows.push(row);
  }
  return { rows, nudges };
};

/** A copy of the built extension with one empty page to run the bundled code in. */
export function withBenchPage() {
  const dir = mkdtempSync(join(tmpdir(), "paynudge-bench-ext-"));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, "bench-db.html"),
    '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
  );
  return dir;
}

const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v) => `${v.toFixed(2)} ms`;

/**
 * Opens the bench page (withBenchPage) and seeds database `full` with the 双11 store at `now`, and,
 * when named, `openOnly` with its open and nudged orders alone. The page is left open, with the
 * bundled database code in it.
 */
export async function seedStore(context, extensionId, now, full, openOnly) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench-db.html`);
  await page.evaluate(await bundle(entry(), "iife"));
  await page.evaluate(
    async ({ total, unpaid, now, full, openOnly }) => {
      for (let from = 0; from < total; from += 10_000) {
        const chunk = {
          from,
          to: Math.min(total, from + 10_000),
          total,
          unpaid,
          now,
        };
        await globalThis.__bench.seed(full, chunk);
        if (openOnly) await globalThis.__bench.seed(openOnly, chunk, true);
      }
    },
    { total: ORDERS, unpaid: UNPAID, now, full, openOnly },
  );
  return page;
}

export default async function run() {
  const extensionDir = withBenchPage();
  const browser = await launchWithExtension({ extensionDir });
  try {
    // 15:00 today: the reads take their clock as an argument, and a fixed time of day gives the
    // day's groups (due later today, nudged today) the same orders whenever the benchmark runs.
    const now = new Date().setHours(15, 0, 0, 0);
    const page = await seedStore(
      browser.context,
      browser.extensionId,
      now,
      FULL,
      OPEN,
    );
    const stored = await page.evaluate(
      (n) => globalThis.__bench.counts(n),
      FULL,
    );
    const openStored = await page.evaluate(
      (n) => globalThis.__bench.counts(n),
      OPEN,
    );
    await page.evaluate((n) => globalThis.__bench.counts(n), EMPTY);

    // One warm-up each (opening the database, first reads), then turns.
    const runOn = (name) =>
      page.evaluate(({ name, now }) => globalThis.__bench.run(name, now), {
        name,
        now,
      });
    await runOn(FULL);
    await runOn(EMPTY);
    await runOn(OPEN);
    const full = [];
    const empty = [];
    const openOnly = [];
    for (let i = 0; i < RUNS; i++) {
      full.push(await runOn(FULL));
      empty.push(await runOn(EMPTY));
      openOnly.push(await runOn(OPEN));
    }
    await page.evaluate(() => globalThis.__bench.drop());
    await page.close();

    const m = (runs, field) => median(runs.map((r) => r[field]));
    const last = full.at(-1);
    console.log(
      `  ${stored.orders} orders, ${stored.nudges} nudge logs stored; ${RUNS} runs each, medians; due now ${last.dueCount}; queue ${last.groups}`,
    );
    const parts = Object.keys(last.parts)
      .filter((k) => k !== "all")
      .map((k) => `${k} ${median(full.map((r) => r.parts[k])).toFixed(1)}`)
      .join(", ");
    // Judged on what the stored orders add to the floor (the same reads on an empty database, same
    // run), as the ingest bench is: the floor is the browser's and the machine's, not the data's.
    const row = (bench, field, what) => ({
      bench: `${bench}, ${ORDERS.toLocaleString("en")} stored orders (Chromium IndexedDB)`,
      value: `${ms(m(full, field) - m(empty, field))} over the floor: ${ms(m(full, field))} against ${ms(m(empty, field))} on an empty database, same run (without the history, its ${openStored.orders.toLocaleString("en")} open or nudged orders alone: ${ms(m(openOnly, field))}; ${what})`,
      goal: `≤ ${GOAL_MS} ms`,
      pass: m(full, field) - m(empty, field) <= GOAL_MS,
    });
    return [
      row("due check: dueUnnotified", "due", `${last.dueCount} due`),
      row(
        "due check: all its reads (settings, replanDue, dueUnnotified, countDueNow, nextAlarmAt)",
        "check",
        `a tick with nothing to re-plan; ms each: ${parts}`,
      ),
      row(
        "popup queue read: first screen (loadPopupData, FIRST_SCREEN)",
        "first",
        "7 rows a group, no counts",
      ),
      row(
        "popup queue read: full queue (loadPopupData, FULL_QUEUE)",
        "full",
        "20 rows a group and each group counted from its index keys up to 100, said as 99+ beyond",
      ),
    ];
  } finally {
    await browser.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

// Benchmark (issue 16): the report of the last 30 days, with the 30 before beside it, over a big
// shop's store (200 000 orders over 90 days, 100 000 logged nudges), in real Chromium's IndexedDB
// in a page of the extension. Goal: computing the range ≤ 200 ms (lib/db/report-figures.ts's
// loadReportFigures: the range's reads, then the engine), with the floor beside it: the same rows
// read and nothing computed (readReportRows), same run. The engine's part runs in one piece on the
// page's thread, so it is also the longest the page is held at a time: reported against 50 ms.
//
// Method: the extension's own code (lib/db, lib/engine, bundled by support/bundle.mjs) runs in the
// empty page support/extension-pages.mjs adds to a copy of the build. The store is written as
// that file seeds the popup's (rows built in the page, plain IndexedDB, no Dexie connection open),
// in transactions of 20 000 rows, into a database of the extension's schema beside its own. Every
// order was seen unpaid first (the most a range can count), four in five were paid within two
// days, every other one was nudged once (step, channel, template, agent, a reason in one of four).
import { rmSync } from "node:fs";
import { launchWithExtension } from "../chrome.mjs";
import { bundle } from "./support/bundle.mjs";
import {
  EMPTY_PAGE,
  median,
  ms,
  withEmptyPage,
} from "./support/extension-pages.mjs";

const ORDERS = 200_000;
const RUNS = 9;
const GOAL_MS = 200;
const LONG_TASK_MS = 50;
const DB = "paynudge-bench-report";

/**
 * Rows [from, to) of the store at `now`: built in the page, so 200 000 rows never cross the
 * DevTools protocol. Times spread evenly over the 90 days before now.
 */
const MAKE_ROWS = ({ from, to, total, now }) => {
  const H = 3_600_000;
  const D = 24 * H;
  const STEPS = ["first", "second", "last-call"];
  const CHANNELS = ["chat", "chat", "phone", "sms"];
  const AGENTS = ["小美", "阿华", "小李"];
  const REASONS = ["shipping-cost", "comparing", "balance", "coupon", "other"];
  const orders = [];
  const nudges = [];
  for (let i = from; i < to; i++) {
    const platform = i % 9 === 0 ? "jd" : "taobao";
    const orderId = String(3905120000000000000n + BigInt(i));
    const key = `${platform}:${orderId}`;
    const seen = now - Math.floor(((i + 0.5) / total) * 90 * D);
    const order = {
      key,
      platform,
      orderId,
      status: "unpaid",
      createdAt: seen - 5 * 60_000,
      amountCents: 1000 + (i % 50_000),
      currency: "CNY",
      buyer: `买家${i % 9973}**`,
      items: [{ title: `商品 ${i % 500}`, attrs: "颜色分类：燕麦色" }],
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      shopName: i % 3 ? "基准测试店铺" : "二号店",
      firstSeenAt: seen,
      lastSeenAt: seen,
      unpaidSeenAt: seen,
      nudgeCount: 0,
    };
    if (i % 2 === 0) {
      const at = seen + 30 * 60_000 + (i % 5) * H;
      if (at <= now) {
        const nudge = {
          orderKey: key,
          at,
          channel: CHANNELS[i % 4],
          step: STEPS[i % 3],
          templateId: `tpl-${i % 6}`,
          agent: AGENTS[i % 3],
        };
        if (i % 8 === 0) nudge.reason = REASONS[(i >> 3) % 5];
        nudges.push(nudge);
        Object.assign(order, {
          nudgeCount: 1,
          lastNudgeAt: at,
          lastAgent: nudge.agent,
        });
        if (i % 50 === 0) order.declinedAt = at;
      }
    }
    const paidSeenAt = seen + ((i * 7919) % 48) * H + H;
    if (i % 5 !== 0 && paidSeenAt <= now)
      Object.assign(order, {
        status: "paid",
        paidSeenAt,
        lastSeenAt: paidSeenAt,
      });
    else if (seen < now - 3 * D) order.status = "closed";
    else if (i % 7 === 0)
      // Held back: no nudge fits before its close (the popup's list, noSlotUntil as the
      // database's own middleware writes it).
      Object.assign(order, {
        noSlotCause: i % 2 ? "quiet-hours" : "buyer-cap",
        deadlineAt: seen + 3 * D,
        noSlotUntil: seen + 3 * D,
      });
    orders.push(order);
  }
  return { orders, nudges };
};

const entry = () => `
const makeRows = ${MAKE_ROWS.toString()};
import { PayNudgeDB } from "@/lib/db/schema";
import { loadReportFigures, readReportRows } from "@/lib/db/report-figures";
import { reportFigures } from "@/lib/engine/report/report-figures";
import { reportPeriod } from "@/lib/engine/report/periods";

let db;
globalThis.__report = {
  /** The extension's schema, made by its own code; closed before the plain writes. */
  async create(name) {
    const made = new PayNudgeDB(name);
    await made.open();
    made.close();
  },
  seed(name, chunk) {
    const { orders, nudges } = makeRows(chunk);
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const idb = open.result;
        const tx = idb.transaction(["orders", "nudges"], "readwrite");
        for (const order of orders) tx.objectStore("orders").put(order);
        for (const nudge of nudges) tx.objectStore("nudges").add(nudge);
        tx.oncomplete = () => (idb.close(), resolve(undefined));
        tx.onerror = () => reject(tx.error);
      };
    });
  },
  async counts(name) {
    db ??= new PayNudgeDB(name);
    return { orders: await db.orders.count(), nudges: await db.nudges.count() };
  },
  async run(name, now, what) {
    db ??= new PayNudgeDB(name);
    const period = reportPeriod("30d", now);
    const start = performance.now();
    if (what === "floor") {
      const { data } = await readReportRows(db, period, now);
      const compute = performance.now();
      return {
        ms: compute - start,
        orders: data.orders.length,
        nudges: data.nudges.length,
        unpaidSeen: data.unpaidSeen.current + data.unpaidSeen.previous,
      };
    }
    const { data, attributionHours } = await readReportRows(db, period, now);
    const read = performance.now();
    const figures = reportFigures(data, { attributionHours }, period);
    const end = performance.now();
    // The page's own call, as the report page makes it (read and compute in one).
    const whole = performance.now();
    const again = await loadReportFigures(db, period, now);
    return {
      ms: performance.now() - whole,
      split: end - start,
      read: read - start,
      compute: end - read,
      recovered: figures.current.recovered,
      same: JSON.stringify(figures) === JSON.stringify(again),
    };
  },
  async drop(name) {
    db?.close();
    await new PayNudgeDB(name).delete();
  },
};
`;

export default async function run() {
  const extensionDir = withEmptyPage();
  const browser = await launchWithExtension({ extensionDir });
  try {
    // Noon today: the reads and the engine take the clock as an argument; a fixed time of day
    // gives the range the same rows whenever the benchmark runs.
    const now = new Date().setHours(12, 0, 0, 0);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${EMPTY_PAGE}`);
    await page.evaluate(await bundle(entry(), "iife"));
    await page.evaluate((name) => globalThis.__report.create(name), DB);
    await page.evaluate(
      async ({ total, now, name }) => {
        for (let from = 0; from < total; from += 20_000)
          await globalThis.__report.seed(name, {
            from,
            to: Math.min(total, from + 20_000),
            total,
            now,
          });
      },
      { total: ORDERS, now, name: DB },
    );
    const stored = await page.evaluate(
      (name) => globalThis.__report.counts(name),
      DB,
    );
    const runOn = (what) =>
      page.evaluate(
        ({ name, now, what }) => globalThis.__report.run(name, now, what),
        { name: DB, now, what },
      );
    // One warm-up each (the database opened, the first reads), then turns.
    await runOn("floor");
    await runOn("report");
    const floors = [];
    const reports = [];
    for (let i = 0; i < RUNS; i++) {
      floors.push(await runOn("floor"));
      reports.push(await runOn("report"));
    }
    await page.evaluate((name) => globalThis.__report.drop(name), DB);
    await page.close();

    const m = (runs, field) => median(runs.map((r) => r[field]));
    const read = floors.at(-1);
    const last = reports.at(-1);
    if (!reports.every((r) => r.same))
      throw new Error("loadReportFigures and its parts disagree");
    console.log(
      `  ${stored.orders} orders, ${stored.nudges} nudge logs stored; the 30 days and the 30 before read ${read.orders} orders, ${read.nudges} nudges, and counted ${read.unpaidSeen} first unpaid sights on their index; ${last.recovered} recovered in the range; ${RUNS} runs each, medians`,
    );
    const total = m(reports, "ms");
    const floor = m(floors, "ms");
    const compute = m(reports, "compute");
    return [
      {
        bench: `report, 30 days and the 30 before: loadReportFigures over ${ORDERS.toLocaleString("en")} orders and ${stored.nudges.toLocaleString("en")} nudges (Chromium IndexedDB)`,
        value: `${ms(total)}; floor (the same rows read, nothing computed) ${ms(floor)}, so ${ms(total - floor)} over it; the engine alone ${ms(compute)}`,
        goal: `≤ ${GOAL_MS} ms`,
        pass: total <= GOAL_MS,
      },
      {
        bench:
          "report: the engine's part in one piece on the page's thread (its longest hold)",
        value: ms(compute),
        goal: `≤ ${LONG_TASK_MS} ms`,
        pass: compute <= LONG_TASK_MS,
      },
    ];
  } finally {
    await browser.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

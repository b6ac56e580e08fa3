// Benchmark (issue 13, 双11 scale): the database stays bounded. 30 simulated days of 5 000 orders a
// day, pruned once a day; the stored orders and nudge logs at the end against the bound the
// retention implies. Runs in Node against fake-indexeddb: what is counted is rows, not time, so
// the browser is not the point.
//
// Each day: the day's 5 000 orders are seen on the order page in chunks of 500 as they come in
// (the order script's batches, lib/db/orders-seen.ts upsertSeenOrders), most of them already paid,
// one in five unpaid. Two hours later the page shows the unpaid ones again: most paid, some closed
// by the buyer, some still unpaid, of which half were nudged (a nudge log each). Those stay unpaid
// until the platform closes them (Taobao: 72 h), when the page shows them closed. At the end of the
// day the prune runs (lib/db/prune.ts pruneOrders) with the retention under test.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundle } from "./support/bundle.mjs";

const DAYS = 30;
const PER_DAY = 5000;
const CHUNK = 500;
/**
 * The retention simulated: shorter than the setting's minimum (31 days, longer than the simulated
 * month, so nothing would be pruned), which pruneOrders accepts for a simulation, so that the
 * month shows the store levelling off.
 */
const RETENTION_DAYS = 7;
/** Taobao closes an unpaid order after 72 h (lib/model/platforms.ts). */
const CLOSE_DAYS = 3;

const ENTRY = `
import "fake-indexeddb/auto";
import { PayNudgeDB } from "@/lib/db/schema";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { pruneOrders } from "@/lib/db/prune";
import { RETENTION_MIN_DAYS, DEFAULT_SETTINGS } from "@/lib/db/setting-values";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
export { PayNudgeDB, upsertSeenOrders, pruneOrders, loadEngineSettings, RETENTION_MIN_DAYS, DEFAULT_SETTINGS };
`;

const H = 3_600_000;
const D = 24 * H;
const PAGE_URL = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";

/** The day's orders, created between 08:00 and 24:00. */
function dayOrders(day, start) {
  return Array.from({ length: PER_DAY }, (_, i) => {
    const n = day * PER_DAY + i;
    return {
      n,
      createdAt: start + day * D + 8 * H + Math.floor((i * 16 * H) / PER_DAY),
      // One in five still unpaid when first seen; of those, by two hours later: 14 in 20 paid,
      // 3 closed by the buyer, 3 still unpaid (nudged, every other one) until the platform closes them.
      fate:
        i % 5
          ? "paid"
          : ["paid", "closed", "stuck"][
              (i / 5) % 20 < 14 ? 0 : (i / 5) % 20 < 17 ? 1 : 2
            ],
    };
  });
}

function snapshot(order, status) {
  return {
    platform: "taobao",
    orderId: String(3905120000000000000n + BigInt(order.n)),
    status,
    createdAt: order.createdAt,
    amountCents: 12800,
    currency: "CNY",
    buyer: `买家${order.n % 997}**`,
    items: [{ title: `双11 商品 ${order.n % 500}`, attrs: "颜色分类：燕麦色" }],
  };
}

export default async function run() {
  const dir = mkdtempSync(join(tmpdir(), "paynudge-bench-db-"));
  const file = join(dir, "db.mjs");
  writeFileSync(file, await bundle(ENTRY, "esm"));
  try {
    const lib = await import(pathToFileURL(file).href);
    const db = new lib.PayNudgeDB("paynudge-bench-bounded");
    const settings = await lib.loadEngineSettings(db);
    const start = Date.UTC(2026, 10, 1) - 8 * H; // 00:00 in China
    const see = async (orders, statusOf, now) => {
      for (let i = 0; i < orders.length; i += CHUNK)
        await lib.upsertSeenOrders(
          db,
          {
            pageUrl: PAGE_URL,
            shopName: "基准测试店铺",
            orders: orders
              .slice(i, i + CHUNK)
              .map((o) => snapshot(o, statusOf(o))),
          },
          now,
          settings,
        );
    };
    const stuckByDay = [];
    const daily = [];
    let nudged = 0;
    for (let day = 0; day < DAYS; day++) {
      const orders = dayOrders(day, start);
      // Seen as they come in, a chunk at a time, at the time the chunk's last order came in.
      for (let i = 0; i < orders.length; i += CHUNK) {
        const some = orders.slice(i, i + CHUNK);
        await see(
          some,
          (o) => (o.n % 5 ? "paid" : "unpaid"),
          some.at(-1).createdAt,
        );
      }
      // Two hours after the day's last order: the unpaid ones again, and half the stuck ones nudged.
      const later = start + day * D + 26 * H;
      const unpaid = orders.filter((o) => o.n % 5 === 0);
      const stuck = unpaid.filter((o) => o.fate === "stuck");
      await db.transaction("rw", db.orders, db.nudges, async () => {
        for (const [k, o] of stuck.entries()) {
          if (k % 2) continue;
          const key = `taobao:${3905120000000000000n + BigInt(o.n)}`;
          const at = o.createdAt + H;
          await db.nudges.add({
            orderKey: key,
            at,
            channel: "chat",
            step: "first",
          });
          await db.orders.update(key, { lastNudgeAt: at, nudgeCount: 1 });
          nudged += 1;
        }
      });
      await see(unpaid, (o) => (o.fate === "stuck" ? "unpaid" : o.fate), later);
      stuckByDay.push(stuck);
      // The platform closed the ones left unpaid three days ago: the page shows them closed.
      const closing = stuckByDay[day - CLOSE_DAYS] ?? [];
      await see(closing, () => "closed", later);
      // The day's prune, before midnight.
      const pruned = await lib.pruneOrders(
        db,
        start + (day + 1) * D - 60_000,
        RETENTION_DAYS,
      );
      daily.push({
        day: day + 1,
        orders: await db.orders.count(),
        unpaid: await db.orders.where("status").equals("unpaid").count(),
        nudges: await db.nudges.count(),
        "pruned orders": pruned.orders,
        "pruned nudges": pruned.nudges,
      });
    }
    console.table(
      daily.filter(
        (d) => d.day % 3 === 0 || d.day <= RETENTION_DAYS + CLOSE_DAYS + 2,
      ),
    );
    const end = daily.at(-1);
    // Kept: every order whose last activity (seen, nudged) lies within the retention, plus the
    // unpaid ones. An order's last activity is at most CLOSE_DAYS after its own day, so the orders
    // of the last RETENTION + CLOSE + 1 days are the most that can be left.
    const bound = (RETENTION_DAYS + CLOSE_DAYS + 1) * PER_DAY;
    // Nudge logs: one for every other order left unpaid, of those same days.
    const nudgeBound =
      (RETENTION_DAYS + CLOSE_DAYS + 1) * Math.ceil((PER_DAY * 3) / 100 / 2);
    const weekBefore = daily.at(-8);
    const total = DAYS * PER_DAY;
    return [
      {
        bench: `bounded database: orders stored after ${DAYS} days × ${PER_DAY.toLocaleString("en")} orders, pruned daily at a ${RETENTION_DAYS}-day retention (fake-indexeddb, Node)`,
        value: `${end.orders.toLocaleString("en")} orders (${end.unpaid} unpaid) of ${total.toLocaleString("en")} seen; a week earlier ${weekBefore.orders.toLocaleString("en")}`,
        goal: `≤ ${bound.toLocaleString("en")} (the last ${RETENTION_DAYS} + ${CLOSE_DAYS} + 1 days' orders), level from week to week`,
        pass:
          end.orders <= bound &&
          Math.abs(end.orders - weekBefore.orders) <= PER_DAY,
      },
      {
        bench: `bounded database: nudge logs stored after ${DAYS} days, same run`,
        value: `${end.nudges.toLocaleString("en")} logs of ${nudged.toLocaleString("en")} written; a week earlier ${weekBefore.nudges.toLocaleString("en")}`,
        goal: `≤ ${nudgeBound.toLocaleString("en")} (the same days' logs)`,
        pass: end.nudges <= nudgeBound,
      },
      {
        bench:
          "bounded database: the same store at the retention setting's minimum and default",
        value: `${lib.RETENTION_MIN_DAYS} days: at most ${((lib.RETENTION_MIN_DAYS + CLOSE_DAYS + 1) * PER_DAY).toLocaleString("en")} orders; ${lib.DEFAULT_SETTINGS.retentionDays} days: at most ${((lib.DEFAULT_SETTINGS.retentionDays + CLOSE_DAYS + 1) * PER_DAY).toLocaleString("en")} (the bound above at those retentions; a month never reaches them)`,
        goal: "none, reported",
        pass: null,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

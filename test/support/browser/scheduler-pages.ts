import { expect } from "vitest";
import { renderTaobaoSoldList } from "../../../demo/taobao-page.mjs";
import { waitForBadges, type Extension } from "@/test/support/browser/harness";
import { ledger, screen } from "@/test/support/browser/notices";

/*
 * What the scheduler's e2e files share (test/e2e/scheduler*.e2e.ts): pages of unpaid orders placed
 * to fall due moments after they are served, and the checks that hold whatever else happened.
 */

export const MIN = 60_000;
/** lib/background/due-check.ts RETRY_MS: the retry alarm armed before each check. */
export const RETRY_MS = 5_000;

export interface Served {
  key: string;
  createdAt: number;
}

/** A page of unpaid orders placed `ordersAgo(now)` each (ms before the first request), kept as served. */
export function ordersPage(
  path: string,
  firstId: bigint,
  times: (now: number) => number[],
  served: Map<string, Served[]>,
) {
  let body: string | undefined;
  return (url: URL) => {
    if (url.pathname !== path) return undefined;
    if (body) return { body };
    // Whole seconds: the page shows order times to the second.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const orders = times(now).map((createdAt, i) => ({
      id: String(firstId + BigInt(i)),
      createdAt,
      status: "等待买家付款" as const,
      buyer: `买家${String(firstId + BigInt(i)).slice(-4)}`,
      items: [
        {
          title: `测试商品${i + 1}`,
          sku: "颜色分类：白",
          price: "88.00",
          quantity: 1,
        },
      ],
      total: "88.00",
    }));
    served.set(
      path,
      orders.map((o) => ({ key: `taobao:${o.id}`, createdAt: o.createdAt })),
    );
    body = renderTaobaoSoldList(orders, {
      shopName: "调度测试小铺",
      pageSize: 50,
    });
    return { body };
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const sorted = (list: string[]) => [...list].sort();

export async function visit(
  ext: Extension,
  origin: string,
  path: string,
  count: number,
) {
  const shop = await ext.context.newPage();
  await shop.goto(`${origin}${path}`);
  await waitForBadges(shop, count);
  await shop.close();
}

/** Every check that holds whatever else happened: nothing shown twice, the record matches the screen. */
export async function expectConsistent(ext: Extension): Promise<void> {
  const now = await screen(ext);
  expect(now.doubled, "orders with two notifications").toEqual([]);
  expect(now.summaries.length).toBeLessThanOrEqual(1);
  expect(new Set(now.moments).size, "moments shown twice").toBe(
    now.moments.length,
  );
  expect(sorted([...now.notices.keys()])).toEqual(now.ids);
  expect([...now.notices.values()].every((n) => n.created)).toBe(true);
  const alerts = await ledger(ext);
  expect(
    alerts.filter((a) => a.times !== 1).map((a) => [a.id, a.times]),
    "due moments not shown exactly once",
  ).toEqual([]);
}

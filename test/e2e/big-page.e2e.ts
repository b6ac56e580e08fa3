import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTaobaoSoldList } from "../../demo/taobao-page.mjs";
import {
  ALL_HOURS,
  badgeStates,
  dbCounts,
  putSettings,
  startExtension,
  startServer,
  waitForBadges,
  type Extension,
} from "@/test/support/browser/harness";

/*
 * A big shop's order list: 10 000 rows on one page (more than any one message to the background
 * may carry). Every row is read, stored and badged with its state; nothing is refused whole.
 */

const ROWS = 10_000;
const MIN = 60_000;
const PATH = "/paynudge-demo/big-page.htm";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;

beforeAll(async () => {
  const now = Date.now();
  server = await startServer({
    routes: [
      (url: URL) =>
        url.pathname === PATH
          ? {
              body: renderTaobaoSoldList(orders(now), {
                shopName: "大店",
                pageSize: ROWS,
              }),
            }
          : undefined,
    ],
  });
  ext = await startExtension();
  await putSettings(await ext.extPage(), ALL_HOURS);
});

function orders(now: number) {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: String(3905120000000100000n + BigInt(i)),
    createdAt: now - (i % 600) * MIN,
    status: "等待买家付款" as const,
    buyer: `买家${i}`,
    items: [
      { title: `商品${i}`, sku: "颜色：白", price: "19.90", quantity: 1 },
    ],
    total: "19.90",
  }));
}

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("a page with 10 000 orders", () => {
  it("badges every row with its state and stores every order", async () => {
    const page = await ext.context.newPage();
    await page.goto(server.origin + PATH, {
      waitUntil: "domcontentloaded",
      timeout: 150_000,
    });
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-paynudge-order]").length === n,
      ROWS,
      { timeout: 150_000 },
    );
    await waitForBadges(page, ROWS).catch(() =>
      page.waitForFunction(
        (n) =>
          [...document.querySelectorAll("[data-paynudge-order]")].filter((h) =>
            h.getAttribute("data-paynudge-state"),
          ).length === n,
        ROWS,
        { timeout: 150_000 },
      ),
    );
    const states = Object.values(await badgeStates(page));
    expect(states).toHaveLength(ROWS);
    // Unpaid orders placed up to ten hours ago: each is waiting for a nudge, none unknown.
    expect(new Set(states.map((s) => s.state))).not.toContain("");
    expect(states.every((s) => /^\d+$/.test(s.due) || s.due === "")).toBe(true);
    expect((await dbCounts(await ext.extPage())).orders).toBe(ROWS);
    // What is proved here is that every row ends up badged and stored, not how fast: a loaded CI
    // machine takes 2–3× the ~70 s of a quiet one (speed goals live in `npm run bench`).
  }, 300_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedRoot,
  dbRows,
  demoShopRoute,
  IN_PAGE_PANEL,
  openDemoShop,
  orderPage,
  sendFromContentScript,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";
import { abArm } from "@/lib/engine/ab-split";
import type { AbTest } from "@/lib/model/ab-test";

/*
 * An A/B test of two templates in real Chromium (issue 16): started from the extension's own page
 * (the request the report's A/B card sends; refused from the order page's script), it splits the
 * shop's orders between the two texts by order number: the popup's copy and the badge's one-click
 * copy give each order its arm's message, and the nudge log records that arm's template, which is
 * what each arm's recovery is counted from.
 */

const MIN = 60_000;
const AB_PAGE = "/paynudge-demo/ab-test.htm";
/** The demo list shows 15 orders a page. */
const IDS = Array.from({ length: 15 }, (_, i) =>
  (3905126666000000000n + BigInt(i) * 7_919n).toString(),
);
const A = "default-first-zh";
/** The seller's own first reminder, written for the same buyers as A (any buyer, any order). */
const B = "custom-ab-e2e";
const B_TEMPLATE = {
  id: B,
  scenario: "first",
  segment: "any",
  channel: "chat",
  locale: "zh",
  name: "首次催付·库存",
  body: "{{buyer}}亲，「{{item}}」还在购物车等您付款呢，库存不多了，现在付款今天就能发货。",
};
/** A phrase of each text that the other does not have. */
const OPENING = { A: "是遇到什么问题了吗", B: "还在购物车等您付款呢" } as const;

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;
let test: AbTest;

const badge = (id: string) => closedRoot(shop, `[data-paynudge-order="${id}"]`);
const action = (text: string) => ({ css: ".pn-panel button", text });

/** A request from an extension page, in the messenger's format: `{ res }` or `{ err }`. */
async function fromExtensionPage(type: string, data: unknown) {
  const page = await ext.extPage();
  return page.evaluate(
    ([type, data]) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) =>
        chrome.runtime.sendMessage(
          { id: 1, type, data, timestamp: Date.now() },
          (reply) => resolve(reply ?? { err: { message: "no reply" } }),
        ),
      ),
    [type, data] as const,
  );
}

beforeAll(async () => {
  const createdAt = Date.now() - 45 * MIN;
  server = await startServer({
    routes: [
      demoShopRoute(() => Math.floor(Date.now() / 1000) * 1000),
      orderPage(AB_PAGE, () =>
        IDS.map((id, i) => ({
          id,
          createdAt,
          status: "等待买家付款" as const,
          buyer: `买***${i}`,
          items: [
            {
              title: `棉麻围巾 ${i}`,
              sku: "颜色分类：燕麦",
              price: "49.00",
              quantity: 1,
            },
          ],
          total: "49.00",
        })),
      ),
    ],
  });
  ({ ext, shop } = await openDemoShop(server, {
    ...IN_PAGE_PANEL,
    agentName: "小美",
  }));
  await shop.goto(server.origin + AB_PAGE);
  await waitForBadges(shop, IDS.length);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("an A/B test of two first-reminder texts", () => {
  it("is refused from the order page's script, and started from the extension's page", async () => {
    const request = { scenario: "first", templateA: A, templateB: B };
    const refused = await sendFromContentScript(
      shop,
      ext.extensionId,
      "startAbTest",
      request,
    );
    expect(refused.err?.message).toMatch(/refused/);
    expect(
      await dbRows<{ key: string }>(await ext.extPage(), "settings"),
    ).not.toContainEqual(expect.objectContaining({ key: "abTests" }));

    expect(
      (await fromExtensionPage("saveTemplate", B_TEMPLATE)).err,
    ).toBeUndefined();
    const started = await fromExtensionPage("startAbTest", request);
    expect(started.err).toBeUndefined();
    test = started.res as AbTest;
    expect(test).toMatchObject({
      ...request,
      id: expect.stringMatching(/^ab-/),
    });
    // A second one for the same scenario is refused while this one runs.
    expect((await fromExtensionPage("startAbTest", request)).err).toBeDefined();
  });

  it("gives each order its arm's message in the popup's copy, both arms in use", async () => {
    const orders = await dbRows<{ key: string; nextScenario?: string }>(
      await ext.extPage(),
      "orders",
    );
    const ours = orders.filter((o) =>
      IDS.some((id) => o.key === `taobao:${id}`),
    );
    expect(ours).toHaveLength(IDS.length);
    expect(new Set(ours.map((o) => o.nextScenario))).toEqual(
      new Set(["first"]),
    );

    const arms = { A: 0, B: 0 };
    for (const id of IDS) {
      const key = `taobao:${id}`;
      const arm = abArm(test, key);
      arms[arm] += 1;
      const reply = await fromExtensionPage("messageFor", { key });
      const text = (reply.res as { text: string }).text;
      expect(text, key).toContain(OPENING[arm]);
      expect(text, key).not.toContain(OPENING[arm === "A" ? "B" : "A"]);
    }
    expect(arms.A).toBeGreaterThan(0);
    expect(arms.B).toBeGreaterThan(0);
  });

  it("copies the arm's message from the badge, and logs the arm's template", async () => {
    const first = {
      A: IDS.find((id) => abArm(test, `taobao:${id}`) === "A")!,
      B: IDS.find((id) => abArm(test, `taobao:${id}`) === "B")!,
    };
    for (const arm of ["A", "B"] as const) {
      const id = first[arm];
      const b = badge(id);
      await b.click("button");
      const copied = await until(
        () => shop.evaluate(() => navigator.clipboard.readText()),
        (text) => text.includes(`棉麻围巾 ${IDS.indexOf(id)}`),
      );
      expect(copied).toContain(OPENING[arm]);
      await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
      await b.click(action("记录本次催付"));
      await expect
        .poll(() => b.text('.pn-panel [role="status"]'))
        .toBe("已记录");
    }
    const logs = await dbRows<{ orderKey: string; templateId?: string }>(
      await ext.extPage(),
      "nudges",
    );
    expect(logs.map((log) => [log.orderKey, log.templateId]).sort()).toEqual(
      [
        [`taobao:${first.A}`, A],
        [`taobao:${first.B}`, B],
      ].sort(),
    );
  });
});

import { readFile } from "node:fs/promises";
import { format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_HOURS,
  closedRoot,
  dbRows,
  orderPage,
  putSettings,
  startExtension,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * Team mode in real Chromium (issue 17): three agents, each in their own browser profile with the
 * same roster, on the same order page. Every machine computes the same owner for every buyer with
 * no server: the three queues of "mine" are disjoint and together are every unpaid order; an order
 * its owner left overdue past the lease has passed to the buyer's next agent (接手); when one
 * agent's shift ends, only that agent's orders move, to the two others, live on the open pages.
 */

const MIN = 60_000;
const PAGE = "/paynudge-demo/team.htm";
const AGENTS = ["阿华", "小美", "阿强"] as const;
const COUNT = 12;
const LEASE = 5; // minutes
const id = (i: number) => `39051300000000001${String(i).padStart(2, "0")}`;
/** Placed 37 minutes ago: its first nudge (30 minutes after the order) has been due for 7, past the lease once. */
const PASSED = id(0);

let server: Awaited<ReturnType<typeof startServer>>;
const agents: { name: string; ext: Extension; shop: Page }[] = [];
const started = Date.now();

/**
 * When 小美's shift ends: the next whole minute at least 70 s after the browsers start to launch,
 * so the tests before (three browsers starting, nudges logged and merged) are done by then.
 */
let shiftEnd = 0;

function roster(version: number) {
  const clock = (at: number) => format(at, "HH:mm");
  return {
    teamId: "team-e2e-1",
    shop: "暖暖家居小铺",
    version,
    issuedAt: started,
    leaseMinutes: LEASE,
    agents: AGENTS.map((name) => ({
      name,
      weight: 1,
      // 小美 works until shiftEnd (from two hours before); the others all day.
      shifts:
        name === "小美"
          ? [{ from: clock(shiftEnd - 120 * MIN), to: clock(shiftEnd) }]
          : [],
    })),
  };
}

/**
 * Every badge's owner as `agent`'s page says it (the first of its facts, inside its closed root:
 * the host carries only the three test hooks): order id → owner name.
 */
async function owners(
  agent: string,
  page: Page,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++) {
    const meta = await closedRoot(
      page,
      `[data-paynudge-order="${id(i)}"]`,
    ).text(".meta");
    const first = (meta ?? "").split(" · ")[0] ?? "";
    out[id(i)] =
      first === "我的" || first === "接手"
        ? agent
        : first.replace(/(的|接手)$/, "");
  }
  return out;
}

/** The orders the agent's popup lists as theirs (its default view). */
async function popupMine(ext: Extension): Promise<string[]> {
  const popup = await ext.context.newPage();
  await popup.goto(ext.popupUrl);
  await popup.waitForSelector("[data-team-scope]");
  await popup.waitForSelector(".group");
  const ids = await popup.$$eval("[data-paynudge-popup-item]", (items) =>
    items.map((i) => i.getAttribute("data-paynudge-popup-item")!),
  );
  await popup.close();
  return ids.sort();
}

beforeAll(async () => {
  server = await startServer({
    routes: [
      orderPage(PAGE, () =>
        Array.from({ length: COUNT }, (_, i) => ({
          id: id(i),
          // The others placed 20 minutes ago: their first nudge is due in 10 minutes.
          createdAt: started - (i === 0 ? 37 : 20) * MIN,
          status: "等待买家付款" as const,
          buyer: `买家${i}号`,
          items: [
            { title: `商品${i}`, sku: "颜色：白", price: "59.00", quantity: 1 },
          ],
          total: "59.00",
        })),
      ),
    ],
  });
  shiftEnd = Math.ceil((Date.now() + 70_000) / MIN) * MIN;
  for (const name of AGENTS) {
    const ext = await startExtension();
    await putSettings(await ext.extPage(), {
      ...ALL_HOURS,
      agentName: name,
      teamRoster: roster(1),
      teamMe: name,
    });
    const shop = await ext.context.newPage();
    await shop.goto(server.origin + PAGE);
    await waitForBadges(shop, COUNT);
    agents.push({ name, ext, shop });
  }
}, 120_000);

afterAll(async () => {
  for (const { ext } of agents) await ext.close();
  await server?.close();
});

describe("three agents, one roster, one order page", () => {
  it("agree on every order's owner: their queues of mine are disjoint and cover every unpaid order", async () => {
    const maps = await Promise.all(agents.map((a) => owners(a.name, a.shop)));
    // The same answer on every machine, and every order owned by an agent of the roster.
    expect(maps[1]).toEqual(maps[0]);
    expect(maps[2]).toEqual(maps[0]);
    expect(Object.keys(maps[0]!)).toHaveLength(COUNT);
    for (const owner of Object.values(maps[0]!))
      expect(AGENTS).toContain(owner);

    const mine = await Promise.all(agents.map((a) => popupMine(a.ext)));
    const all = mine.flat().sort();
    expect(all).toEqual(Array.from({ length: COUNT }, (_, i) => id(i)).sort());
    expect(new Set(all).size).toBe(COUNT);
    for (const [i, { name }] of agents.entries())
      expect(mine[i]).toEqual(
        Object.keys(maps[0]!)
          .filter((order) => maps[0]![order] === name)
          .sort(),
      );
    // The badge says whose: 我的 on the owner's page, 某某的 (or 某某接手) on the others'.
    const owner = maps[0]![id(1)]!;
    for (const { name, shop } of agents) {
      const text = await closedRoot(
        shop,
        `[data-paynudge-order="${id(1)}"]`,
      ).text(".meta");
      expect(text).toMatch(
        name === owner ? /^我的/ : new RegExp(`^${owner}的`),
      );
    }
  });

  it("an order whose owner left it overdue past the lease has passed to the buyer's next agent", async () => {
    const taker = (await owners(agents[0]!.name, agents[0]!.shop))[PASSED]!;
    for (const { name, shop } of agents) {
      const text = await closedRoot(
        shop,
        `[data-paynudge-order="${PASSED}"]`,
      ).text(".meta");
      expect(text).toMatch(
        name === taker ? /^接手/ : new RegExp(`^${taker}接手`),
      );
    }
  });

  it("each agent logs nudges of their own orders and exports them; the lead's merge counts each agent's as they logged", async () => {
    const map = await owners(agents[0]!.name, agents[0]!.shop);
    const logged: Record<string, number> = {};
    const files = [];
    for (const { name, ext } of agents) {
      // Up to two of the agent's own orders, not the one passed over (its nudge is due elsewhere).
      const own = Object.keys(map)
        .filter((o) => map[o] === name && o !== PASSED)
        .slice(0, 2);
      for (const order of own) {
        const panel = await ext.context.newPage();
        await panel.goto(
          `chrome-extension://${ext.extensionId}/sidepanel.html?order=${encodeURIComponent(`taobao:${order}`)}`,
        );
        const before = (await dbRows(panel, "nudges")).length;
        await panel.getByRole("button", { name: "记录本次催付" }).click();
        await until(
          async () => (await dbRows(panel, "nudges")).length,
          (n) => n === before + 1,
        );
        await panel.close();
      }
      logged[name] = own.length;
      if (name === "阿华") continue;
      // The colleague saves their team log from their report page.
      const report = await ext.context.newPage();
      await report.goto(`chrome-extension://${ext.extensionId}/report.html`);
      await report.getByLabel("最近 7 天").check();
      const saving = report.waitForEvent("download");
      await report
        .getByRole("button", { name: "导出我的催付记录（给组长合并）" })
        .click();
      const file = await saving;
      files.push({
        name: file.suggestedFilename(),
        mimeType: "application/json",
        buffer: await readFile((await file.path())!),
      });
      await report.close();
    }
    // 阿华, the lead, merges both colleagues' files.
    const lead = await agents[0]!.ext.context.newPage();
    await lead.goto(
      `chrome-extension://${agents[0]!.ext.extensionId}/report.html`,
    );
    await lead.getByLabel("最近 7 天").check();
    await lead.getByTestId("team-log-files").setInputFiles(files);
    await expect
      .poll(() =>
        lead.locator('.team-log-results > li[data-outcome="merged"]').count(),
      )
      .toBe(2);
    const expected = Object.fromEntries(
      Object.entries(logged)
        .filter(([, n]) => n > 0)
        .map(([agent, n]) => [agent, String(n)]),
    );
    await expect
      .poll(() =>
        lead.$$eval(
          'table[data-breakdown="agent"] tbody tr[data-key]',
          (rows) =>
            Object.fromEntries(
              rows.map((row) => [
                row.getAttribute("data-key"),
                row.querySelector("td")?.textContent,
              ]),
            ),
        ),
      )
      .toEqual(expected);
    await lead.close();
  });

  it("when 小美's shift ends, only her orders move, to the two others, on the open pages", async () => {
    const before = await owners(agents[0]!.name, agents[0]!.shop);
    const hers = Object.keys(before).filter((o) => before[o] === "小美");
    expect(hers.length).toBeGreaterThan(0);
    // Her shift ends at the next whole minute: every machine's alarm wakes for it.
    await Promise.all(
      agents.map(({ name, shop }) =>
        expect
          .poll(
            async () =>
              Object.values(await owners(name, shop)).filter(
                (o) => o === "小美",
              ).length,
            { timeout: shiftEnd - Date.now() + 30_000, interval: 1000 },
          )
          .toBe(0),
      ),
    );
    const after = await Promise.all(agents.map((a) => owners(a.name, a.shop)));
    expect(after[1]).toEqual(after[0]);
    expect(after[2]).toEqual(after[0]);
    for (const order of Object.keys(before)) {
      if (hers.includes(order))
        expect(["阿华", "阿强"]).toContain(after[0]![order]);
      else expect(after[0]![order]).toBe(before[order]);
    }
  }, 150_000);
  it("an agent takes a colleague's order over from the workspace: it is theirs at once, with the note for the memo", async () => {
    const [ahua] = agents;
    const map = await owners(ahua!.name, ahua!.shop);
    const order = Object.keys(map).find((o) => map[o] === "阿强")!;
    expect(order).toBeDefined();
    const panel = await ahua!.ext.context.newPage();
    await panel.goto(
      `chrome-extension://${ahua!.ext.extensionId}/sidepanel.html?order=${encodeURIComponent(`taobao:${order}`)}`,
    );
    await expect
      .poll(() => panel.locator("[data-paynudge-takeover]").textContent())
      .toMatch(/^这是阿强的订单/);
    // Every action waits: the buyer is 阿强's to nudge.
    expect(
      await panel.getByRole("button", { name: "记录本次催付" }).isDisabled(),
    ).toBe(true);
    await panel.getByRole("button", { name: "由我接手" }).click();
    await expect
      .poll(() => panel.locator("[data-paynudge-takeover-note]").textContent())
      .toMatch(/^\d\d-\d\d \d\d:\d\d 阿华 接手$/);
    expect(
      await panel.getByRole("button", { name: "记录本次催付" }).isDisabled(),
    ).toBe(false);
    // Recorded on the order, and shown with it.
    await expect
      .poll(() => panel.locator(".order-panel .claim").textContent())
      .toMatch(/^阿华 于 \d\d-\d\d \d\d:\d\d 接手$/);
    // The page's badge and 阿华's own queue follow.
    await expect
      .poll(async () => (await owners(ahua!.name, ahua!.shop))[order])
      .toBe("阿华");
    expect(await popupMine(ahua!.ext)).toContain(order);
    await panel.close();
  });
});

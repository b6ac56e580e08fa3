import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "@/test/support/browser/axe";
import {
  dbCounts,
  putSettings,
  startExtension,
  until,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * The team's day, merged (issue 17), in real Chromium on the lead's report page: two colleagues'
 * team log files (built here, as their PayNudge saves them) are merged; the report's table by
 * agent shows each colleague's nudged orders and recoveries as each logged them; merging a file
 * again, a malformed file and another team's file change nothing, the last two refused with their
 * message naming the file.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const MIN = 60_000;
const TEAM = "team-e2e00001";

const nudge = (orderId: string, minutesAgo: number, agent: string) => ({
  platform: "taobao",
  orderId,
  at: T - minutesAgo * MIN,
  channel: "chat",
  step: "first",
  agent,
});

/** 小美 nudged three orders; her page then saw the first paid (¥88.00), unknown to the lead. */
const XIAOMEI = {
  format: "paynudge-team-log",
  version: 1,
  agent: "小美",
  teamId: TEAM,
  exportedAt: T,
  nudges: [
    {
      ...nudge("3905170000000001", 30, "小美"),
      order: {
        status: "paid",
        amountCents: 8_800,
        unpaidSeenAt: T - 40 * MIN,
        paidSeenAt: T - 10 * MIN,
      },
    },
    nudge("3905170000000002", 25, "小美"),
    nudge("3905170000000003", 20, "小美"),
  ],
};
/** 小王 nudged two other orders, neither paid yet. */
const XIAOWANG = {
  format: "paynudge-team-log",
  version: 1,
  agent: "小王",
  teamId: TEAM,
  exportedAt: T,
  nudges: [
    nudge("3905170000000011", 15, "小王"),
    nudge("3905170000000012", 12, "小王"),
  ],
};

const json = (name: string, content: unknown) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(
    typeof content === "string" ? content : JSON.stringify(content),
  ),
});

let ext: Extension;
let report: Page;

beforeAll(async () => {
  ext = await startExtension();
  await putSettings(await ext.extPage(), {
    agentName: "阿华",
    teamRoster: {
      teamId: TEAM,
      shop: "小美的杂货铺",
      version: 1,
      issuedAt: T - 24 * 60 * MIN,
      leaseMinutes: 30,
      agents: [
        { name: "阿华", weight: 1, shifts: [] },
        { name: "小美", weight: 1, shifts: [] },
        { name: "小王", weight: 1, shifts: [] },
      ],
    },
  });
  report = await ext.context.newPage();
  await report.goto(`chrome-extension://${ext.extensionId}/report.html`);
  // A week: the colleagues' nudges of the last half hour stay in it whatever the hour.
  await report.getByLabel("最近 7 天").check();
  await report.waitForSelector('table[data-breakdown="agent"]');
});

afterAll(async () => {
  await ext?.close();
});

/** The table by agent: each row's nudged orders and recoveries, by agent. */
const byAgent = () =>
  report.$$eval('table[data-breakdown="agent"] tbody tr[data-key]', (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const cells = [...row.querySelectorAll("td")].map((c) => c.textContent);
        return [row.getAttribute("data-key"), cells.slice(0, 2).join(" / ")];
      }),
    ),
  );

/** Chooses files in 合并同事的记录 and waits for each file's outcome. */
async function merge(...files: ReturnType<typeof json>[]) {
  await report.getByTestId("team-log-files").setInputFiles(files);
  const items = report.locator(".team-log-results > li");
  await expect
    .poll(() => items.count(), { timeout: 10_000 })
    .toBe(files.length);
  return items.evaluateAll((lis) =>
    lis.map((li) => ({
      outcome: li.getAttribute("data-outcome"),
      text: li.firstChild?.textContent,
    })),
  );
}

const nudgeCount = async () => (await dbCounts(await ext.extPage())).nudges;

describe("merging colleagues' nudge logs on the lead's report page", () => {
  it("shows each colleague's nudged orders and recoveries in the table by agent", async () => {
    expect(await nudgeCount()).toBe(0);
    expect(
      await merge(json("小美-今天.json", XIAOMEI), json("小王.json", XIAOWANG)),
    ).toEqual([
      {
        outcome: "merged",
        text: "“小美-今天.json”（小美）：新增 3 条，已有 0 条。",
      },
      {
        outcome: "merged",
        text: "“小王.json”（小王）：新增 2 条，已有 0 条。",
      },
    ]);
    await expect
      .poll(byAgent, { timeout: 10_000 })
      .toEqual({ 小美: "3 / 1", 小王: "2 / 0" });
    // The recovery 小美's page saw counts once, with its amount.
    expect(
      await report.$eval(
        '[data-figure="recovered"] td',
        (cell) => cell.textContent,
      ),
    ).toBe("1");
    expect(
      await report.$eval(
        'table[data-breakdown="agent"] tr[data-key="小美"] td:nth-child(5)',
        (cell) => cell.textContent,
      ),
    ).toContain("¥88.00");
    expect(await nudgeCount()).toBe(5);
  });

  it("changes nothing when a file is merged again", async () => {
    expect(await merge(json("小美-今天.json", XIAOMEI))).toEqual([
      {
        outcome: "merged",
        text: "“小美-今天.json”（小美）：新增 0 条，已有 3 条。",
      },
    ]);
    expect(await nudgeCount()).toBe(5);
    expect(await byAgent()).toEqual({ 小美: "3 / 1", 小王: "2 / 0" });
  });

  it("refuses a malformed file and another team's file whole, with a message naming each", async () => {
    const broken = JSON.stringify(XIAOWANG).slice(0, 80);
    const foreign = {
      ...XIAOWANG,
      teamId: "team-other999",
      nudges: [nudge("3905170000000099", 5, "小王")],
    };
    expect(
      await merge(json("坏文件.json", broken), json("别家.json", foreign)),
    ).toEqual([
      {
        outcome: "refused",
        text: "“坏文件.json”不是 PayNudge 导出的记录文件（读不出内容），没有导入。",
      },
      {
        outcome: "refused",
        text: "“别家.json”来自别的团队（和你现在的团队名单不是同一个），没有导入。",
      },
    ]);
    // Given the figures time to follow any write: none came.
    await until(
      () => report.locator(".team-log-results").getAttribute("aria-busy"),
      (busy) => busy === "false",
    );
    expect(await nudgeCount()).toBe(5);
    expect(await byAgent()).toEqual({ 小美: "3 / 1", 小王: "2 / 0" });
  });

  it("has no contrast, label or naming violations in the exports and the merge, refusals shown", async () => {
    await expectNoAxeViolations(report, "report page's team log", {
      include: [".exports", ".team-log"],
    });
  });
});

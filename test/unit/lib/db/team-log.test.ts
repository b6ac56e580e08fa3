import { beforeEach, describe, expect, it } from "vitest";
import { loadReportFigures } from "@/lib/db/report-figures";
import { PayNudgeDB } from "@/lib/db/schema";
import { teamLogOf } from "@/lib/db/team-log-export";
import { mergeTeamLog } from "@/lib/db/team-log-merge";
import { recentNudgesByBuyer } from "@/lib/db/buyer-nudges";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { TeamLogFile } from "@/lib/model/team-log";
import { exportBackup, restoreBackup } from "@/lib/schemas/backup-file";
import { parseTeamLog } from "@/lib/schemas/team-log";
import {
  HOUR,
  MIN,
  loggedNudge,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/*
 * The team's day, merged (issue 17): each agent's own nudges saved as a team log file, merged on
 * the lead's machine without duplicates, and the report's figures per agent counting each agent's
 * nudges and each recovery once, credited to the last nudge before payment across all agents.
 */

const MIDNIGHT = new Date(2026, 10, 23).getTime();
const NOW = MIDNIGHT + 15 * HOUR;
const TODAY = reportPeriod("today", NOW);

let lead: PayNudgeDB;
let xiaomei: PayNudgeDB;
let xiaowang: PayNudgeDB;
beforeEach(() => {
  [lead, xiaomei, xiaowang] = [0, 1, 2].map(
    () => new PayNudgeDB(`test-${crypto.randomUUID()}`),
  ) as [PayNudgeDB, PayNudgeDB, PayNudgeDB];
});

const nudge = (id: string, hour: number, agent: string, step = "first") =>
  loggedNudge(id, MIDNIGHT + hour * HOUR, { agent, step });

/** A colleague's file as it travels: saved, written as text, read and checked on arrival. */
async function fileOf(db: PayNudgeDB, agent: string): Promise<TeamLogFile> {
  const file = await teamLogOf(db, { agent, now: NOW, range: TODAY });
  return parseTeamLog(JSON.stringify(file));
}

const nudgeRows = async (db: PayNudgeDB) =>
  (await db.nudges.toArray())
    .map(({ id: _id, ...n }) => n)
    .sort((a, b) => a.at - b.at || a.orderKey.localeCompare(b.orderKey));

/**
 * The three machines' day:
 * - 阿华 (the lead) nudged L1 and K; K was then nudged by 小美, and the lead's page saw it paid;
 * - 小美 nudged M1 (which her page saw paid, unknown to the lead), M2 (unpaid) and K;
 * - 小王 nudged W1 twice (first and follow-up) and W2.
 */
async function theDay() {
  await lead.orders.bulkPut([
    storedOrder("L1", MIDNIGHT + 8 * HOUR, { nudgeCount: 1 }),
    paidOrder("K", MIDNIGHT + 8 * HOUR, MIDNIGHT + 12 * HOUR, {
      nudgeCount: 1,
      amountCents: 5_000,
    }),
  ]);
  await lead.nudges.bulkAdd([nudge("L1", 9, "阿华"), nudge("K", 9.5, "阿华")]);

  await xiaomei.orders.bulkPut([
    paidOrder("M1", MIDNIGHT + 8 * HOUR, MIDNIGHT + 11 * HOUR, {
      nudgeCount: 1,
      amountCents: 8_800,
      shopName: "陶瓷小铺",
    }),
    storedOrder("M2", MIDNIGHT + 8 * HOUR, { nudgeCount: 1 }),
    storedOrder("K", MIDNIGHT + 8 * HOUR, { nudgeCount: 1 }),
  ]);
  await xiaomei.nudges.bulkAdd([
    nudge("M1", 10, "小美"),
    nudge("M2", 10.5, "小美"),
    nudge("K", 11, "小美", "follow-up"),
  ]);

  await xiaowang.orders.bulkPut([
    storedOrder("W1", MIDNIGHT + 8 * HOUR, { nudgeCount: 2 }),
    storedOrder("W2", MIDNIGHT + 8 * HOUR, { nudgeCount: 1 }),
  ]);
  await xiaowang.nudges.bulkAdd([
    nudge("W1", 9, "小王"),
    nudge("W1", 13, "小王", "follow-up"),
    nudge("W2", 9.25, "小王"),
  ]);
}

const agentRows = async (db: PayNudgeDB) =>
  Object.fromEntries(
    (await loadReportFigures(db, TODAY, NOW)).breakdowns.agent.map((r) => [
      r.key,
      { nudged: r.nudged, recovered: r.recovered },
    ]),
  );

describe("saving one's own nudges for the lead", () => {
  it("carries this machine's own nudges with their orders' facts, never merged ones", async () => {
    await theDay();
    await mergeTeamLog(xiaomei, await fileOf(xiaowang, "小王"));
    const file = await teamLogOf(xiaomei, {
      agent: "小美",
      now: NOW,
      range: TODAY,
      teamId: "team-1",
    });
    expect(file).toMatchObject({
      format: "paynudge-team-log",
      version: 1,
      agent: "小美",
      teamId: "team-1",
      exportedAt: NOW,
      range: { from: TODAY.from, to: TODAY.to },
    });
    expect(file.nudges.map((n) => `${n.orderId} ${n.agent}`)).toEqual([
      "M1 小美",
      "M2 小美",
      "K 小美",
    ]);
    expect(file.nudges[0]).toEqual({
      platform: "taobao",
      orderId: "M1",
      at: MIDNIGHT + 10 * HOUR,
      channel: "chat",
      step: "first",
      agent: "小美",
      order: {
        status: "paid",
        amountCents: 8_800,
        shopName: "陶瓷小铺",
        unpaidSeenAt: MIDNIGHT + 8 * HOUR,
        paidSeenAt: MIDNIGHT + 11 * HOUR,
      },
    });
    // No buyer, note or item leaves the machine: the report needs none of them.
    expect(JSON.stringify(file)).not.toMatch(/buyer|note|items|商品/);
  });

  it("reads back through the check it meets on the lead's machine", async () => {
    await theDay();
    const file = await teamLogOf(xiaomei, { agent: "小美", now: NOW });
    expect(parseTeamLog(JSON.stringify(file))).toEqual(file);
  });
});

describe("merging colleagues' files", () => {
  it("adds each file's nudges once: the same file twice, overlapping files and one's own file change nothing more", async () => {
    await theDay();
    const mei = await fileOf(xiaomei, "小美");
    const wang = await fileOf(xiaowang, "小王");
    const own = await fileOf(lead, "阿华");

    const first = await mergeTeamLog(lead, mei);
    expect(first).toMatchObject({ added: 3, already: 0, ordersAdded: 1 });
    expect(first.byAgent).toEqual([{ agent: "小美", added: 3, already: 0 }]);
    await mergeTeamLog(lead, wang);
    const merged = await nudgeRows(lead);
    expect(merged).toHaveLength(2 + 3 + 3);
    const orders = await lead.orders.toArray();

    // The same file again, a file overlapping both (小王 merged 小美's and saved everything he
    // holds would not happen: a file carries its own machine's nudges; here a hand-made union),
    // and the lead's own file: nothing is added, every row is found already there.
    const again = await mergeTeamLog(lead, mei);
    expect(again).toMatchObject({ added: 0, already: 3, ordersAdded: 0 });
    const union: TeamLogFile = {
      ...wang,
      nudges: [...wang.nudges, ...mei.nudges, ...wang.nudges],
    };
    const overlap = await mergeTeamLog(lead, union);
    expect(overlap).toMatchObject({ added: 0, already: 9 });
    expect(overlap.byAgent).toEqual([
      { agent: "小王", added: 0, already: 6 },
      { agent: "小美", added: 0, already: 3 },
    ]);
    const ownAgain = await mergeTeamLog(lead, own);
    expect(ownAgain).toMatchObject({ added: 0, already: 2 });

    expect(await nudgeRows(lead)).toEqual(merged);
    expect(await lead.orders.toArray()).toEqual(orders);
  });

  it("within one file, the same nudge twice is added once", async () => {
    await theDay();
    const wang = await fileOf(xiaowang, "小王");
    const doubled = { ...wang, nudges: [...wang.nudges, ...wang.nudges] };
    expect(await mergeTeamLog(lead, doubled)).toMatchObject({
      added: 3,
      already: 3,
    });
    expect(await lead.nudges.count()).toBe(2 + 3);
  });

  it("marks merged nudges as the colleague's and leaves this machine's plans and buyer cap as they were", async () => {
    await theDay();
    // A buyer the lead nudged at 9:00, nudged by 小美 at 14:00 too.
    await lead.orders.put(
      storedOrder("B1", MIDNIGHT + 8 * HOUR, {
        buyer: "春***雨",
        nudgeCount: 1,
        lastNudgeAt: MIDNIGHT + 9 * HOUR,
        nextDueAt: NOW + HOUR,
        doneSteps: ["first"],
      }),
    );
    await lead.nudges.add(nudge("B1", 9, "阿华"));
    await xiaomei.orders.put(storedOrder("B1", MIDNIGHT + 8 * HOUR));
    await xiaomei.nudges.add(nudge("B1", 14, "小美", "follow-up"));
    const settings = { buyerCap: { windowMs: 24 * HOUR } };
    const capBefore = await recentNudgesByBuyer(lead, NOW, settings);
    const before = await lead.orders.bulkGet(["taobao:B1", "taobao:K"]);

    await mergeTeamLog(lead, await fileOf(xiaomei, "小美"));

    const merged = (await lead.nudges.toArray()).filter(
      (n) => n.agent === "小美",
    );
    expect(merged).toHaveLength(4);
    expect(merged.every((n) => n.importedFrom === "小美")).toBe(true);
    // Only the count of the colleague's nudges is noted on them (the report looks for those).
    expect(await lead.orders.bulkGet(["taobao:B1", "taobao:K"])).toEqual(
      before.map((order) => ({ ...order, mergedNudges: 1 })),
    );
    expect(await recentNudgesByBuyer(lead, NOW, settings)).toEqual(capBefore);
    expect(capBefore.get("buyer:taobao:春***雨")).toEqual([
      MIDNIGHT + 9 * HOUR,
    ]);
  });

  it("keeps merged nudges as the colleague's through a backup and its restore", async () => {
    await theDay();
    await mergeTeamLog(lead, await fileOf(xiaomei, "小美"));
    const restored = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    await restoreBackup(
      restored,
      JSON.stringify(await exportBackup(lead, NOW)),
    );
    expect(await nudgeRows(restored)).toEqual(await nudgeRows(lead));
    expect(
      (await restored.nudges.toArray()).filter((n) => n.importedFrom).length,
    ).toBe(3);
  });

  it("stores an order unknown here only when the colleague saw it paid, settled and without a plan", async () => {
    await theDay();
    await mergeTeamLog(lead, await fileOf(xiaomei, "小美"));
    expect(await lead.orders.get("taobao:M2")).toBeUndefined();
    const m1 = await lead.orders.get("taobao:M1");
    expect(m1).toMatchObject({
      status: "paid",
      amountCents: 8_800,
      shopName: "陶瓷小铺",
      paidSeenAt: MIDNIGHT + 11 * HOUR,
      unpaidSeenAt: MIDNIGHT + 8 * HOUR,
      nudgeCount: 1,
    });
    expect(m1?.nextDueAt).toBeUndefined();
    expect(m1?.openDueAt).toBeUndefined();
    expect(m1?.lastNudgeAt).toBeUndefined();
  });
});

describe("the team's figures per agent", () => {
  it("count each agent's nudged orders as each logged them, and each recovery once", async () => {
    await theDay();
    expect(await agentRows(lead)).toEqual({
      阿华: { nudged: 2, recovered: 1 },
    });
    for (const [db, agent] of [
      [xiaomei, "小美"],
      [xiaowang, "小王"],
    ] as const)
      await mergeTeamLog(lead, await fileOf(db, agent));

    // K: the lead's nudge at 9:30, 小美's at 11:00, paid at 12:00: 小美's (the last before the
    // payment) is credited, and K counts once, in 小美's group (her nudge is its last).
    expect(await agentRows(lead)).toEqual({
      阿华: { nudged: 1, recovered: 0 },
      小美: { nudged: 3, recovered: 2 },
      小王: { nudged: 2, recovered: 0 },
    });
    const figures = await loadReportFigures(lead, TODAY, NOW);
    expect(figures.current.nudged).toBe(6);
    expect(figures.current.recovered).toBe(2);

    // Merging both files again changes no figure.
    for (const [db, agent] of [
      [xiaomei, "小美"],
      [xiaowang, "小王"],
    ] as const)
      await mergeTeamLog(lead, await fileOf(db, agent));
    expect(await loadReportFigures(lead, TODAY, NOW)).toEqual(figures);
  });

  it("count an order nudged only by a colleague long before its payment as nudged, not paid by itself", async () => {
    // The lead's page saw P unpaid five days ago and paid today; 小美 nudged it five days ago
    // (outside the attribution window: not recovered, but not paid by itself either).
    const fiveDaysAgo = MIDNIGHT - 5 * 24 * HOUR + 10 * HOUR;
    await lead.orders.put(
      paidOrder("P", fiveDaysAgo - HOUR, MIDNIGHT + 10 * HOUR),
    );
    const before = await loadReportFigures(lead, TODAY, NOW);
    expect(before.current.paidByThemselves).toBe(1);
    await mergeTeamLog(
      lead,
      parseTeamLog(
        JSON.stringify({
          format: "paynudge-team-log",
          version: 1,
          agent: "小美",
          exportedAt: NOW,
          nudges: [
            {
              platform: "taobao",
              orderId: "P",
              at: fiveDaysAgo,
              channel: "chat",
              step: "first",
              agent: "小美",
            },
          ],
        }),
      ),
    );
    const after = await loadReportFigures(lead, TODAY, NOW);
    expect(after.current.paidByThemselves).toBe(0);
    expect(after.current.recovered).toBe(0);
  });

  it("give each agent, with orders split between them, the count of orders they logged", async () => {
    // 3 agents, 30 orders each, each nudged once or twice, on three machines.
    const machines = [lead, xiaomei, xiaowang];
    const names = ["阿华", "小美", "小王"];
    for (const [i, db] of machines.entries()) {
      const logs: NudgeLog[] = [];
      for (let n = 0; n < 30; n += 1) {
        const id = `${i}${String(n).padStart(3, "0")}`;
        await db.orders.put(storedOrder(id, MIDNIGHT + HOUR));
        logs.push(
          loggedNudge(id, MIDNIGHT + 2 * HOUR + n * MIN, { agent: names[i] }),
        );
        if (n % 3 === 0)
          logs.push(
            loggedNudge(id, MIDNIGHT + 5 * HOUR + n * MIN, {
              agent: names[i],
              step: "follow-up",
            }),
          );
      }
      await db.nudges.bulkAdd(logs);
    }
    await mergeTeamLog(lead, await fileOf(xiaomei, "小美"));
    await mergeTeamLog(lead, await fileOf(xiaowang, "小王"));
    expect(await agentRows(lead)).toEqual({
      阿华: { nudged: 30, recovered: 0 },
      小美: { nudged: 30, recovered: 0 },
      小王: { nudged: 30, recovered: 0 },
    });
    expect(await lead.nudges.count()).toBe(3 * 40);
  });
});

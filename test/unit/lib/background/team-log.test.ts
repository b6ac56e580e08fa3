import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answer, backgroundRoutes, type Routes } from "@/lib/background/routes";
import { RefusedError } from "@/lib/background/senders";
import { PayNudgeDB } from "@/lib/db/schema";
import type { RequestType } from "@/lib/messaging/protocol";
import type { Roster } from "@/lib/model/team";
import {
  TEAM_LOG_MAX_BYTES,
  TEAM_LOG_MAX_NUDGES,
  type TeamLogFile,
  type TeamLogNudge,
} from "@/lib/model/team-log";
import { setSetting } from "@/lib/schemas/settings";
import { contentScript, extensionPage } from "@/test/support/senders";

/*
 * 合并同事的记录 as the background answers it (issue 17): a colleague's file merged once; a
 * malformed, foreign, oversized or partly bad file refused whole with its reason, the nudge log
 * unchanged; only the extension's own pages may ask.
 */

const HOUR = 3_600_000;
const T = new Date(2026, 10, 23, 9).getTime();
const SHOP = "https://myseller.taobao.com/home.htm/trade-platform/tp/sold";
const reportPage = () => extensionPage("report.html");

const TEAM: Roster = {
  teamId: "team-abc12345",
  shop: "小美的杂货铺",
  version: 1,
  issuedAt: T - 24 * HOUR,
  leaseMinutes: 30,
  agents: [
    { name: "阿华", weight: 1, shifts: [] },
    { name: "小美", weight: 1, shifts: [] },
  ],
};

const row = (id: string, hour: number): TeamLogNudge => ({
  platform: "taobao",
  orderId: id,
  at: T + hour * HOUR,
  channel: "chat",
  step: "first",
  agent: "小美",
});

const FILE: TeamLogFile = {
  format: "paynudge-team-log",
  version: 1,
  agent: "小美",
  teamId: TEAM.teamId,
  exportedAt: T + 8 * HOUR,
  nudges: [row("3905001", 1), row("3905002", 2), row("3905003", 3)],
};

let db: PayNudgeDB;
let routes: Routes;
const ask = (type: RequestType, data: unknown, sender = reportPage()) =>
  answer(type, routes[type])({ data, sender });
const importText = (text: string) =>
  ask("importTeamLog", { name: "小美.json", text });
const nudgeRows = () => db.nudges.toArray();

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  routes = backgroundRoutes(db);
  await setSetting(db, "teamRoster", TEAM);
  // The lead's own nudge, and one merged before: neither may change on a refusal.
  await db.nudges.add({
    orderKey: "taobao:3905009",
    at: T,
    channel: "chat",
    agent: "阿华",
  });
  expect(await importText(JSON.stringify(FILE))).toMatchObject({ ok: true });
});

afterEach(() => vi.restoreAllMocks());

describe("merging a colleague's file", () => {
  it("answers what it added and found already there, per agent", async () => {
    const more = { ...FILE, nudges: [...FILE.nudges, row("3905004", 4)] };
    expect(await importText(JSON.stringify(more))).toEqual({
      ok: true,
      agent: "小美",
      added: 1,
      already: 3,
      byAgent: [{ agent: "小美", added: 1, already: 3 }],
    });
    expect(await db.nudges.count()).toBe(1 + 4);
  });

  it("takes a file without a team, or any team's file on a machine without a roster", async () => {
    const { teamId: _none, ...noTeam } = {
      ...FILE,
      nudges: [row("3905005", 5)],
    };
    expect(await importText(JSON.stringify(noTeam))).toMatchObject({
      ok: true,
      added: 1,
    });
    await db.settings.delete("teamRoster");
    const other = { ...FILE, teamId: "team-zzz", nudges: [row("3905006", 6)] };
    expect(await importText(JSON.stringify(other))).toMatchObject({
      ok: true,
      added: 1,
    });
  });
});

describe("a file refused whole, the nudge log unchanged", () => {
  const many = Array.from({ length: TEAM_LOG_MAX_NUDGES + 1 }, (_, i) =>
    row(`39${i}`, 1),
  );
  it.each<[string, string, unknown]>([
    ["malformed JSON", "{ format: paynudge-team-log", { code: "not-json" }],
    ["a JSON that is no file at all", "[1, 2, 3]", { code: "not-team-log" }],
    [
      "a backup file (another format)",
      JSON.stringify({ ...FILE, format: "paynudge-backup" }),
      { code: "not-team-log" },
    ],
    [
      "a file without its agent",
      JSON.stringify({ ...FILE, agent: undefined }),
      { code: "not-team-log" },
    ],
    [
      "an unknown field",
      JSON.stringify({ ...FILE, orders: [] }),
      { code: "not-team-log" },
    ],
    [
      "a newer format",
      JSON.stringify({ ...FILE, version: 2 }),
      { code: "newer-version" },
    ],
    [
      "another team's file",
      JSON.stringify({ ...FILE, teamId: "team-other999" }),
      { code: "foreign-team" },
    ],
    [
      "more nudges than a file may hold",
      JSON.stringify({ ...FILE, nudges: many }),
      { code: "too-large" },
    ],
    [
      "one bad row among good ones (a channel PayNudge has not)",
      JSON.stringify({
        ...FILE,
        nudges: [
          row("3905007", 7),
          { ...row("3905008", 8), channel: "email" },
          row("3905010", 9),
        ],
      }),
      { code: "bad-row", row: 2 },
    ],
    [
      "a row with a field PayNudge does not write (a buyer)",
      JSON.stringify({
        ...FILE,
        nudges: [row("3905007", 7), { ...row("3905008", 8), buyer: "x" }],
      }),
      { code: "bad-row", row: 2 },
    ],
    [
      "an order number that is no order number",
      JSON.stringify({
        ...FILE,
        nudges: [row("3905007", 7), row("<img src=x>", 8)],
      }),
      { code: "bad-row", row: 2 },
    ],
  ])("%s", async (_what, text, refusal) => {
    const before = await nudgeRows();
    const orders = await db.orders.toArray();
    expect(await importText(text)).toEqual({
      ok: false,
      ...(refusal as object),
    });
    expect(await nudgeRows()).toEqual(before);
    expect(await db.orders.toArray()).toEqual(orders);
  });

  it("a text over the size bound, refused on arrival", async () => {
    const before = await nudgeRows();
    await expect(
      importText(" ".repeat(TEAM_LOG_MAX_BYTES + 1)),
    ).rejects.toThrow();
    expect(await nudgeRows()).toEqual(before);
  });

  it("from a content script, refused before anything runs", async () => {
    const before = await nudgeRows();
    const more = { ...FILE, nudges: [row("3905011", 10)] };
    await expect(
      ask(
        "importTeamLog",
        { name: "x.json", text: JSON.stringify(more) },
        contentScript(SHOP),
      ),
    ).rejects.toThrow(RefusedError);
    expect(await nudgeRows()).toEqual(before);
  });
});

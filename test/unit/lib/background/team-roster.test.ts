import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answer, backgroundRoutes, type Routes } from "@/lib/background/routes";
import { RefusedError, type MessageSender } from "@/lib/background/senders";
import {
  handleRemoveTeamRoster,
  handleSetTeamMe,
  handleSetTeamRoster,
} from "@/lib/background/team-roster";
import { handleSaveGeneralSettings } from "@/lib/background/settings-handlers";
import { PayNudgeDB } from "@/lib/db/schema";
import type { RequestType } from "@/lib/messaging/protocol";
import type { Roster } from "@/lib/model/team";
import { exportBackup, restoreBackup } from "@/lib/schemas/backup-file";
import { encodeRosterCode, rosterFileText } from "@/lib/schemas/roster";
import { getSetting } from "@/lib/schemas/settings";
import { TEAM } from "@/test/support/team-roster";
import {
  contentScript,
  extensionPage,
  otherExtension,
} from "@/test/support/senders";

/*
 * The roster an agent holds (issue 17): a newer version of the same team's replaces it; a damaged,
 * malformed, oversized, older or another team's roster is refused with its reason and the held one
 * unchanged; only the extension's own pages may set or remove it.
 */

const v = (version: number, extra: Partial<Roster> = {}): Roster => ({
  ...TEAM,
  version,
  ...extra,
});

let db: PayNudgeDB;
const settingsRows = () => db.settings.toArray();
const send = (roster: Roster, leaveTeam?: boolean) =>
  handleSetTeamRoster(db, { text: encodeRosterCode(roster), leaveTeam });

beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  expect(await send(TEAM)).toEqual({
    answer: "stored",
    held: { shop: TEAM.shop, version: 3 },
  });
  await handleSetTeamMe(db, { name: "小美" });
});

afterEach(() => vi.restoreAllMocks());

describe("setting the team roster", () => {
  it("holds a newer version of the same team's, keeping the agent's name while it is on it", async () => {
    const next = v(4, {
      agents: [...TEAM.agents, { name: "新人", weight: 1, shifts: [] }],
    });
    expect(await send(next)).toMatchObject({ answer: "stored" });
    expect(await getSetting(db, "teamRoster")).toEqual(next);
    expect(await getSetting(db, "teamMe")).toBe("小美");
    // A version without the agent's name: they choose again.
    await send(v(5, { agents: TEAM.agents.filter((a) => a.name !== "小美") }));
    expect(await getSetting(db, "teamMe")).toBeUndefined();
  });

  it("reads a roster file as well as a code", async () => {
    expect(
      await handleSetTeamRoster(db, { text: rosterFileText(v(4)) }),
    ).toMatchObject({ answer: "stored" });
    expect((await getSetting(db, "teamRoster"))?.version).toBe(4);
  });

  it.each([
    ["an older version", () => encodeRosterCode(v(2)), "older"],
    [
      "the same version",
      () => encodeRosterCode(v(3, { shop: "改过" })),
      "already-held",
    ],
    [
      "another team's",
      () => encodeRosterCode(v(9, { teamId: "team-other999" })),
      "other-team",
    ],
    [
      "a damaged code",
      () => {
        const code = encodeRosterCode(v(4));
        return (
          code.slice(0, 20) + (code[20] === "A" ? "B" : "A") + code.slice(21)
        );
      },
      "damaged",
    ],
    ["a truncated code", () => encodeRosterCode(v(4)).slice(0, -3), "damaged"],
    ["a code of no roster", () => "随便一段话", "format"],
    [
      "a file with a malformed roster",
      () =>
        JSON.stringify({
          format: "paynudge-team-roster",
          version: 1,
          roster: { ...v(4), agents: [] },
        }),
      "format",
    ],
    ["an oversized paste", () => `PN-TEAM1.${"A".repeat(40_000)}`, "oversized"],
  ])("refuses %s, the stored settings unchanged", async (_what, text, why) => {
    const before = await settingsRows();
    const reply = await handleSetTeamRoster(db, { text: text() });
    expect(reply.answer).toBe(why);
    expect(await settingsRows()).toEqual(before);
  });

  it("tells the version held when refusing an older one", async () => {
    expect(await send(v(1))).toEqual({
      answer: "older",
      held: { shop: TEAM.shop, version: 3 },
    });
  });

  it("takes another team's roster when the agent chooses to leave the old team", async () => {
    const other = v(1, { teamId: "team-other999", shop: "别家店" });
    expect(await send(other, true)).toMatchObject({ answer: "stored" });
    expect(await getSetting(db, "teamRoster")).toEqual(other);
    // 小美 is a name on the new roster too, but of another team: chosen again, not carried over.
    expect(await getSetting(db, "teamMe")).toBeUndefined();
  });

  it("picks the roster name equal to the agent's nickname when none is chosen", async () => {
    await handleRemoveTeamRoster(db);
    await handleSaveGeneralSettings(db, { agentName: "阿强" });
    await send(TEAM);
    expect(await getSetting(db, "teamMe")).toBe("阿强");
  });

  it("refuses a name that is not on the roster", async () => {
    const before = await settingsRows();
    await expect(handleSetTeamMe(db, { name: "路人" })).rejects.toThrow(
      /not on the team roster/,
    );
    expect(await settingsRows()).toEqual(before);
  });

  it("removes the roster and the agent's name, answering them for the undo", async () => {
    expect(await handleRemoveTeamRoster(db)).toEqual({
      roster: TEAM,
      me: "小美",
    });
    expect(await getSetting(db, "teamRoster")).toBeUndefined();
    expect(await getSetting(db, "teamMe")).toBeUndefined();
    // The undo: the same roster again is a roster like any other.
    expect(await send(TEAM)).toMatchObject({ answer: "stored" });
  });
});

describe("the roster in a backup", () => {
  it("travels with the settings, and a backup with a malformed roster is refused whole", async () => {
    const backup = JSON.parse(
      JSON.stringify(await exportBackup(db, Date.now())),
    );
    const rows = backup.tables.settings as { key: string; value: unknown }[];
    expect(rows).toContainEqual({ key: "teamRoster", value: TEAM });
    expect(rows).toContainEqual({ key: "teamMe", value: "小美" });

    await handleRemoveTeamRoster(db);
    await restoreBackup(db, backup);
    expect(await getSetting(db, "teamRoster")).toEqual(TEAM);

    const before = await settingsRows();
    const ordersBefore = await db.orders.toArray();
    const bad = structuredClone(backup);
    bad.tables.settings = rows.map((row) =>
      row.key === "teamRoster"
        ? {
            ...row,
            value: { ...TEAM, agents: [TEAM.agents[0], TEAM.agents[0]] },
          }
        : row,
    );
    bad.tables.settings.push({ key: "agentName", value: "改了" });
    await expect(restoreBackup(db, bad)).rejects.toThrow(/settings row/);
    expect(await settingsRows()).toEqual(before);
    expect(await db.orders.toArray()).toEqual(ordersBefore);
  });
});

describe("who may set the roster", () => {
  const optionsPage = () => extensionPage("options.html");
  let routes: Routes;
  const ask = (type: RequestType, data: unknown, sender: MessageSender) =>
    answer(type, routes[type])({ data, sender });

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    routes = backgroundRoutes(db);
  });

  it("refuses a web page's content script and another extension before anything runs", async () => {
    const before = await settingsRows();
    const attempts: [RequestType, unknown][] = [
      ["setTeamRoster", { text: encodeRosterCode(v(9)), leaveTeam: true }],
      ["setTeamMe", { name: "阿华" }],
      ["removeTeamRoster", undefined],
    ];
    for (const [type, data] of attempts)
      for (const sender of [contentScript(), otherExtension()]) {
        const handle = vi.spyOn(routes[type], "handle");
        await expect(ask(type, data, sender), type).rejects.toThrow(
          RefusedError,
        );
        expect(handle, type).not.toHaveBeenCalled();
      }
    expect(await settingsRows()).toEqual(before);
  });

  it("answers the extension's own pages", async () => {
    expect(
      await ask(
        "setTeamRoster",
        { text: encodeRosterCode(v(4)) },
        optionsPage(),
      ),
    ).toMatchObject({ answer: "stored" });
    await ask("setTeamMe", { name: "阿华" }, optionsPage());
    expect(await getSetting(db, "teamMe")).toBe("阿华");
    expect(
      await ask("removeTeamRoster", undefined, optionsPage()),
    ).toMatchObject({
      me: "阿华",
    });
  });
});

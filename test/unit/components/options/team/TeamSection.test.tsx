import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { useCallback, useEffect, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TeamSection } from "@/components/options/team/TeamSection";
import {
  handleRemoveTeamRoster,
  handleSetTeamMe,
  handleSetTeamRoster,
} from "@/lib/background/team-roster";
import { handleSaveGeneralSettings } from "@/lib/background/settings-handlers";
import { PayNudgeDB } from "@/lib/db/schema";
import type { TeamRosterRequest } from "@/lib/messaging/team-requests";
import type { Roster } from "@/lib/model/team";
import { decodeRosterCode, encodeRosterCode } from "@/lib/schemas/roster";
import { getSetting } from "@/lib/schemas/settings";
import { TEAM } from "@/test/support/team-roster";

/*
 * The options page's Team section (issue 17) against the background's real handlers: the lead
 * writes and publishes a roster, an agent pastes its code, and every refusal is said in place with
 * the stored roster unchanged.
 */

let db: PayNudgeDB;
const sent: TeamRosterRequest[] = [];

beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  sent.length = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The section as the options page holds it: the stored roster read again after every write. */
function Harness({ agentName }: { agentName?: string }) {
  const [stored, setStored] = useState<{ roster?: Roster; me?: string }>();
  const reread = useCallback(async () => {
    setStored({
      roster: await getSetting(db, "teamRoster"),
      me: await getSetting(db, "teamMe"),
    });
  }, []);
  useEffect(() => void reread(), [reread]);
  if (!stored) return null;
  return (
    <TeamSection
      locale="zh"
      roster={stored.roster}
      me={stored.me}
      agentName={agentName}
      onSetRoster={async (request) => {
        sent.push(request);
        const reply = await handleSetTeamRoster(db, request);
        await reread();
        return reply;
      }}
      onSetMe={async (name) => {
        await handleSetTeamMe(db, name === undefined ? {} : { name });
        await reread();
      }}
      onRemove={async () => {
        const removed = await handleRemoveTeamRoster(db);
        await reread();
        return removed;
      }}
    />
  );
}

const valueOf = (field: HTMLElement) => (field as HTMLInputElement).value;
const section = () => screen.getByRole("region", { name: "团队" });
const type = (field: HTMLElement, value: string) =>
  fireEvent.change(field, { target: { value } });
const agentRow = (n: number) =>
  within(section()).getByRole("group", { name: `客服 ${n}` });
const status = () =>
  within(section())
    .getAllByRole("status")
    .map((line) => line.textContent)
    .join(" ");

async function paste(text: string) {
  await screen.findByRole("region", { name: "团队" });
  type(within(section()).getByLabelText("粘贴名单码"), text);
  fireEvent.click(within(section()).getByRole("button", { name: "查看名单" }));
}

describe("the Team section with no roster", () => {
  it("says in one line what team mode is and how to start, and nothing else of a roster", async () => {
    render(<Harness />);
    expect((await screen.findByTestId("team-empty")).textContent).toMatch(
      /店长点“新建团队名单”并发布/,
    );
    expect(screen.queryByLabelText("名单码")).toBeNull();
    expect(screen.queryByLabelText("我是")).toBeNull();
  });
});

describe("the lead", () => {
  it("fills a roster of three agents and publishes it: the code holds it, and their own name is chosen", async () => {
    // The lead's nickname, as the General section stored it.
    await handleSaveGeneralSettings(db, { agentName: "阿华" });
    render(<Harness agentName="阿华" />);
    fireEvent.click(
      await screen.findByRole("button", { name: "新建团队名单" }),
    );
    type(within(section()).getByLabelText("店铺名"), "小美的杂货铺");
    // The lead's nickname is the first agent's already.
    expect(valueOf(within(agentRow(1)).getByLabelText("昵称"))).toBe("阿华");
    fireEvent.click(
      within(agentRow(1)).getByRole("button", { name: "添加班次" }),
    );
    type(within(agentRow(1)).getByLabelText("班次 1 开始（HH:mm）"), "09:00");
    type(within(agentRow(1)).getByLabelText("班次 1 结束（HH:mm）"), "18:00");
    fireEvent.click(
      within(section()).getByRole("button", { name: "添加客服" }),
    );
    type(within(agentRow(2)).getByLabelText("昵称"), "小美");
    type(within(agentRow(2)).getByLabelText("权重（接单量的比例）"), "2");
    fireEvent.click(
      within(agentRow(2)).getByRole("button", { name: "添加班次" }),
    );
    type(within(agentRow(2)).getByLabelText("班次 1 开始（HH:mm）"), "22:00");
    type(within(agentRow(2)).getByLabelText("班次 1 结束（HH:mm）"), "06:00");
    fireEvent.click(
      within(section()).getByRole("button", { name: "添加客服" }),
    );
    type(within(agentRow(3)).getByLabelText("昵称"), "Lee 李");
    fireEvent.click(within(section()).getByRole("button", { name: "发布" }));

    await waitFor(() => expect(status()).toMatch(/已发布第 1 版名单/));
    const stored = (await getSetting(db, "teamRoster"))!;
    expect(stored).toMatchObject({
      shop: "小美的杂货铺",
      version: 1,
      leaseMinutes: 30,
      agents: [
        { name: "阿华", weight: 1, shifts: [{ from: "09:00", to: "18:00" }] },
        { name: "小美", weight: 2, shifts: [{ from: "22:00", to: "06:00" }] },
        { name: "Lee 李", weight: 1, shifts: [] },
      ],
    });
    const code = (
      within(section()).getByLabelText("名单码") as HTMLTextAreaElement
    ).value;
    expect(decodeRosterCode(code)).toEqual(stored);
    expect(valueOf(within(section()).getByLabelText("我是"))).toBe("阿华");
    expect(screen.getByTestId("roster-held").textContent).toMatch(
      "小美 · 权重 2 · 22:00–06:00",
    );

    // The next edit is the same team's next version.
    fireEvent.click(
      within(section()).getByRole("button", { name: "编辑名单" }),
    );
    type(within(agentRow(3)).getByLabelText("权重（接单量的比例）"), "0.5");
    fireEvent.click(within(section()).getByRole("button", { name: "发布" }));
    await waitFor(() => expect(status()).toMatch(/已发布第 2 版名单/));
    expect(await getSetting(db, "teamRoster")).toMatchObject({
      teamId: stored.teamId,
      version: 2,
    });
  }, 20_000);

  it("marks each mistake beside its field and publishes nothing", async () => {
    render(<Harness />);
    fireEvent.click(
      await screen.findByRole("button", { name: "新建团队名单" }),
    );
    type(within(section()).getByLabelText("接手前等待（分钟）"), "2");
    type(within(agentRow(1)).getByLabelText("昵称"), "阿华");
    fireEvent.click(
      within(agentRow(1)).getByRole("button", { name: "添加班次" }),
    );
    type(within(agentRow(1)).getByLabelText("班次 1 开始（HH:mm）"), "9:00");
    type(within(agentRow(1)).getByLabelText("班次 1 结束（HH:mm）"), "18:00");
    fireEvent.click(
      within(section()).getByRole("button", { name: "添加客服" }),
    );
    type(within(agentRow(2)).getByLabelText("昵称"), "阿华");
    type(within(agentRow(2)).getByLabelText("权重（接单量的比例）"), "x");
    fireEvent.click(within(section()).getByRole("button", { name: "发布" }));

    await waitFor(() => expect(status()).toMatch(/名单有误/));
    // Each field marked, its error beside it (inside its label); the labels now hold the errors too.
    const marked = (name: string, error: RegExp) => {
      const field = section().querySelector(`[name="${name}"]`)!;
      expect(field.getAttribute("aria-invalid"), name).toBe("true");
      expect(field.parentElement?.textContent, name).toMatch(error);
    };
    marked("shop", /请填写店铺名/);
    marked("leaseMinutes", /请填写 5–1440 之间的整数/);
    marked("agent-0-shift-0-from", /请按 HH:mm 填写开始和结束/);
    marked("agent-1-name", /昵称与前面的客服重复/);
    marked("agent-1-weight", /权重为 0.1–10 之间的数/);
    expect(
      section()
        .querySelector('[name="agent-0-name"]')!
        .getAttribute("aria-invalid"),
    ).toBeNull();
    expect(sent).toEqual([]);
    expect(await db.settings.count()).toBe(0);
  });
});

describe("an agent", () => {
  it("pastes the code, sees what it holds, uses it and says which name is theirs", async () => {
    render(<Harness />);
    await paste(`${encodeRosterCode(TEAM).replace(/(.{40})/g, "$1\n")}`);
    const preview = await screen.findByTestId("roster-preview");
    expect(preview?.textContent).toMatch("小美的杂货铺 · 第 3 版");
    expect(preview?.textContent).toMatch("阿华 · 权重 1 · 09:00–18:00");
    expect(preview?.textContent).toMatch("阿强 · 权重 1 · 全天");
    fireEvent.click(
      within(section()).getByRole("button", { name: "使用此名单" }),
    );
    await waitFor(() =>
      expect(status()).toMatch(/已使用“小美的杂货铺”的第 3 版名单/),
    );
    expect(await getSetting(db, "teamRoster")).toEqual(TEAM);

    const me = within(section()).getByLabelText("我是");
    expect(valueOf(me)).toBe("");
    fireEvent.change(me, { target: { value: "小美" } });
    await waitFor(() => expect(status()).toMatch(/已记下：你是 小美/));
    expect(await getSetting(db, "teamMe")).toBe("小美");
  });

  it("is told in place why a damaged code, an older or another team's roster is refused, the roster unchanged", async () => {
    await handleSetTeamRoster(db, { text: encodeRosterCode(TEAM) });
    render(<Harness />);
    await screen.findByTestId("roster-held");
    const before = await db.settings.toArray();

    const code = encodeRosterCode({ ...TEAM, version: 4 });
    await paste(
      code.slice(0, 30) + (code[30] === "A" ? "B" : "A") + code.slice(31),
    );
    await waitFor(() => expect(status()).toMatch(/名单码不完整或被改动/));
    expect(screen.queryByTestId("roster-preview")).toBeNull();

    await paste(code.slice(0, -4));
    await waitFor(() => expect(status()).toMatch(/名单码不完整或被改动/));

    await paste(encodeRosterCode({ ...TEAM, version: 2 }));
    fireEvent.click(await screen.findByRole("button", { name: "使用此名单" }));
    await waitFor(() =>
      expect(status()).toMatch(/这是旧版名单：你已有第 3 版/),
    );

    const other: Roster = {
      ...TEAM,
      teamId: "team-other999",
      shop: "别家店",
      version: 1,
    };
    await paste(encodeRosterCode(other));
    fireEvent.click(await screen.findByRole("button", { name: "使用此名单" }));
    await waitFor(() => expect(status()).toMatch(/来自另一个团队/));
    expect(await db.settings.toArray()).toEqual(before);

    // Leaving the old team is a second, explicit step.
    fireEvent.click(screen.getByRole("button", { name: "换到另一个团队" }));
    await waitFor(() => expect(status()).toMatch(/已使用“别家店”/));
    expect(await getSetting(db, "teamRoster")).toEqual(other);
  });

  it("removes the roster back to solo use, and can undo it for a while", async () => {
    await handleSetTeamRoster(db, { text: encodeRosterCode(TEAM) });
    await handleSetTeamMe(db, { name: "阿强" });
    render(<Harness />);
    await screen.findByTestId("roster-held");
    fireEvent.click(
      within(section()).getByRole("button", { name: "移除名单" }),
    );
    await screen.findByTestId("team-empty");
    expect(await getSetting(db, "teamRoster")).toBeUndefined();
    fireEvent.click(screen.getByRole("button", { name: "撤销移除" }));
    await waitFor(() => expect(status()).toMatch(/名单已恢复/));
    expect(await getSetting(db, "teamRoster")).toEqual(TEAM);
    expect(await getSetting(db, "teamMe")).toBe("阿强");
    expect(valueOf(within(section()).getByLabelText("我是"))).toBe("阿强");
  });
});

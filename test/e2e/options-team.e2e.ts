import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dbRows,
  startExtension,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";
import { expectNoAxeViolations } from "@/test/support/browser/axe";

/*
 * The options page's Team section in Chromium (issue 17), in two browser profiles: the lead fills
 * a roster of three agents and publishes it; the agent pastes its code into their own PayNudge and
 * says which name is theirs; a damaged code and an older version are refused with the stored roster
 * unchanged.
 */

let lead: Extension;
let agent: Extension;
let leadPage: Page;
let agentPage: Page;

const section = (page: Page) => page.locator('section[aria-label="团队"]');
const row = (page: Page, n: number) =>
  section(page).getByRole("group", { name: `客服 ${n}` });
const stored = async (page: Page) => {
  const rows = await dbRows<{ key: string; value: unknown }>(page, "settings");
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { roster: value("teamRoster"), me: value("teamMe") };
};
const statusText = (page: Page) =>
  section(page)
    .getByRole("status")
    .allTextContents()
    .then((texts) => texts.join(" "));
// Its label's text holds the code too (the textarea's content), so it is found by its name.
const codeOf = (page: Page) =>
  section(page).locator('textarea[name="teamCode"]').inputValue();

async function openTeam(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html#team`);
  await section(page).waitFor();
  return page;
}

/** Pastes a code as a chat app passes it on (broken into lines) and shows what it holds. */
async function paste(page: Page, text: string) {
  await section(page).getByLabel("粘贴名单码").fill(text);
  await section(page).getByRole("button", { name: "查看名单" }).click();
}

/** 使用此名单 on the roster shown, and what the section then says. */
async function useShown(page: Page, says: string) {
  await section(page).getByRole("button", { name: "使用此名单" }).click();
  await expect.poll(() => statusText(page)).toContain(says);
}

beforeAll(async () => {
  // Two profiles, as two agents' own browsers: nothing is shared between them but the code.
  [lead, agent] = await Promise.all([startExtension(), startExtension()]);
  [leadPage, agentPage] = await Promise.all([openTeam(lead), openTeam(agent)]);
});

afterAll(async () => {
  await Promise.all([lead?.close(), agent?.close()]);
});

let firstCode = "";
let firstFile = "";

describe("options page: the team roster", () => {
  it("says what team mode is while no roster is held", async () => {
    expect(
      await section(agentPage).getByTestId("team-empty").textContent(),
    ).toContain("店长点“新建团队名单”并发布");
  });

  it("lets the lead fill a roster of three agents and publish it as a code and a file", async () => {
    const page = leadPage;
    await section(page).getByRole("button", { name: "新建团队名单" }).click();
    await section(page).getByLabel("店铺名").fill("小美的杂货铺");
    const agents: [string, string, [string, string][]][] = [
      ["阿华", "1", [["09:00", "18:00"]]],
      ["小美", "2", [["14:00", "23:00"]]],
      ["夜班小王", "1", [["22:00", "06:00"]]],
    ];
    for (const [i, [name, weight, shifts]] of agents.entries()) {
      if (i > 0)
        await section(page).getByRole("button", { name: "添加客服" }).click();
      const one = row(page, i + 1);
      await one.getByLabel("昵称").fill(name);
      await one.getByLabel("权重（接单量的比例）").fill(weight);
      for (const [k, [from, to]] of shifts.entries()) {
        await one.getByRole("button", { name: "添加班次" }).click();
        await one.getByLabel(`班次 ${k + 1} 开始（HH:mm）`).fill(from);
        await one.getByLabel(`班次 ${k + 1} 结束（HH:mm）`).fill(to);
      }
    }
    await section(page).getByRole("button", { name: "发布" }).click();
    await expect.poll(() => statusText(page)).toContain("已发布第 1 版名单");

    const { roster } = await stored(page);
    expect(roster).toMatchObject({
      shop: "小美的杂货铺",
      version: 1,
      leaseMinutes: 30,
      agents: [
        { name: "阿华", weight: 1, shifts: [{ from: "09:00", to: "18:00" }] },
        { name: "小美", weight: 2, shifts: [{ from: "14:00", to: "23:00" }] },
        {
          name: "夜班小王",
          weight: 1,
          shifts: [{ from: "22:00", to: "06:00" }],
        },
      ],
    });
    firstCode = await codeOf(page);
    expect(firstCode).toMatch(/^PN-TEAM1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);

    // Its QR image, drawn offline in the page.
    const qr = section(page).getByRole("img", { name: "名单码的二维码" });
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(160);
    const download = page.waitForEvent("download");
    await section(page).getByRole("button", { name: "下载文件" }).click();
    firstFile = await readFile(await (await download).path(), "utf8");
    expect(JSON.parse(firstFile)).toEqual({
      format: "paynudge-team-roster",
      version: 1,
      roster,
    });
  });

  it("lets an agent in another profile paste the code, check it and say which name is theirs", async () => {
    const page = agentPage;
    await paste(page, firstCode.replace(/(.{50})/g, "$1\n"));
    const preview = section(page).getByTestId("roster-preview");
    await expect
      .poll(() => preview.textContent())
      .toContain("小美的杂货铺 · 第 1 版");
    expect(await preview.textContent()).toContain(
      "夜班小王 · 权重 1 · 22:00–06:00",
    );
    await useShown(page, "已使用“小美的杂货铺”的第 1 版名单");

    await section(page).getByLabel("我是").selectOption("小美");
    await expect.poll(() => statusText(page)).toContain("已记下：你是 小美");
    const held = await stored(page);
    expect(held).toEqual({
      roster: (await stored(leadPage)).roster,
      me: "小美",
    });
  });

  it("refuses a damaged code and an older version, the stored roster unchanged", async () => {
    // The lead publishes version 2 (小美 takes more buyers); the agent takes it.
    await section(leadPage).getByRole("button", { name: "编辑名单" }).click();
    await row(leadPage, 2).getByLabel("权重（接单量的比例）").fill("3");
    await section(leadPage).getByRole("button", { name: "发布" }).click();
    await expect
      .poll(() => statusText(leadPage))
      .toContain("已发布第 2 版名单");
    const secondCode = await codeOf(leadPage);
    await paste(agentPage, secondCode);
    await useShown(agentPage, "已使用“小美的杂货铺”的第 2 版名单");
    const before = await stored(agentPage);
    expect(before).toMatchObject({ roster: { version: 2 }, me: "小美" });

    // One character changed in copying.
    const at = Math.floor(secondCode.length / 2);
    const damaged =
      secondCode.slice(0, at) +
      (secondCode[at] === "x" ? "y" : "x") +
      secondCode.slice(at + 1);
    await paste(agentPage, damaged);
    await expect
      .poll(() => statusText(agentPage))
      .toContain("名单码不完整或被改动");
    expect(await section(agentPage).getByTestId("roster-preview").count()).toBe(
      0,
    );
    expect(await stored(agentPage)).toEqual(before);

    // The first version, pasted again: older than the one held.
    await paste(agentPage, firstCode);
    await useShown(agentPage, "这是旧版名单：你已有第 2 版");
    expect(await stored(agentPage)).toEqual(before);

    // And as the file the lead downloaded.
    await section(agentPage)
      .getByLabel("或选择名单文件")
      .setInputFiles({
        name: "paynudge-team-v1.json",
        mimeType: "application/json",
        buffer: Buffer.from(firstFile),
      });
    await expect
      .poll(() =>
        section(agentPage).getByTestId("roster-preview").textContent(),
      )
      .toContain("第 1 版");
    await useShown(agentPage, "这是旧版名单：你已有第 2 版");
    expect(await stored(agentPage)).toEqual(before);
    // The page shows what is held.
    expect(
      await section(agentPage).getByTestId("roster-held").textContent(),
    ).toContain("小美的杂货铺 · 第 2 版");
  });

  it("has no contrast, label or naming violations with a roster held, a preview and the editor's errors shown", async () => {
    await paste(agentPage, firstCode);
    await section(agentPage).getByTestId("roster-preview").waitFor();
    await expectNoAxeViolations(agentPage, "team section, agent", {
      include: ["#team"],
    });
    await section(leadPage).getByRole("button", { name: "编辑名单" }).click();
    await section(leadPage).getByLabel("店铺名").fill("");
    await row(leadPage, 1).getByRole("button", { name: "添加班次" }).click();
    await section(leadPage).getByRole("button", { name: "发布" }).click();
    await expect.poll(() => statusText(leadPage)).toContain("名单有误");
    await expectNoAxeViolations(leadPage, "team section, lead's errors", {
      include: ["#team"],
    });
  });
});

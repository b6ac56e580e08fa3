import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { AbTestCard } from "@/components/report/AbTestCard";
import { endAbTest, startAbTest } from "@/components/report/ab-requests";
import { handleEndAbTest, handleStartAbTest } from "@/lib/background/ab-tests";
import { getDb } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import type { AbTest } from "@/lib/model/ab-test";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The report's A/B card (issue 16) on fake-indexeddb, its requests answered by the background's own
 * handlers: starting a test, each arm's figures with their interval and verdict, ending it keeping
 * the winner.
 */

vi.mock("@/components/report/ab-requests", () => ({
  startAbTest: vi.fn(),
  endAbTest: vi.fn(),
}));

const H = 3_600_000;
const T0 = new Date(2026, 10, 20, 9, 0).getTime();
const WAIT = { timeout: 5000 };

const TEST: AbTest = {
  id: "ab-card",
  scenario: "follow-up",
  templateA: "zh-follow-up",
  templateB: "zh-follow-up-shipping-cost",
  startedAt: T0,
};

function order(id: string, paidAt?: number): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: paidAt === undefined ? "unpaid" : "paid",
    items: [{ title: "四件套" }],
    pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
    firstSeenAt: T0,
    lastSeenAt: T0,
    nudgeCount: 1,
    ...(paidAt === undefined ? {} : { paidSeenAt: paidAt }),
  };
}

/** `n` orders nudged with a template, the first `paid` of them paid two hours later. */
async function seedArm(
  prefix: string,
  templateId: string,
  n: number,
  paid: number,
) {
  const orders: StoredOrder[] = [];
  const nudges: NudgeLog[] = [];
  for (let i = 0; i < n; i++) {
    const at = T0 + H + i;
    orders.push(order(`${prefix}${i}`, i < paid ? at + 2 * H : undefined));
    nudges.push({
      orderKey: `taobao:${prefix}${i}`,
      at,
      channel: "chat",
      templateId,
    });
  }
  await getDb().orders.bulkPut(orders);
  await getDb().nudges.bulkAdd(nudges);
}

const card = () =>
  screen.getByRole("region", { name: "A/B 测试：两条话术比一比" });
const row = (arm: string) =>
  card().querySelector(`tr[data-arm="${arm}"]`) as HTMLTableRowElement;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  await Promise.all(getDb().tables.map((table) => table.clear()));
  vi.mocked(startAbTest).mockImplementation((request) =>
    handleStartAbTest(getDb(), request, T0),
  );
  vi.mocked(endAbTest).mockImplementation((request) =>
    handleEndAbTest(getDb(), request, T0 + 48 * H),
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("the A/B card", () => {
  it("starts a test of two of the chosen scenario's templates, then shows it running with both arms", async () => {
    render(<AbTestCard locale="zh" />);
    const scenario = await screen.findByRole(
      "combobox",
      { name: "场景" },
      WAIT,
    );
    fireEvent.change(scenario, { target: { value: "follow-up" } });
    const a = screen.getByRole("combobox", {
      name: "话术 A",
    }) as HTMLSelectElement;
    const b = screen.getByRole("combobox", {
      name: "话术 B",
    }) as HTMLSelectElement;
    fireEvent.change(a, { target: { value: "zh-follow-up" } });
    // B offers only the same scenario, language and channel, never A itself.
    const partners = [...b.options].map((option) => option.value);
    expect(partners).toContain("zh-follow-up-shipping-cost");
    expect(partners).not.toContain("zh-follow-up");
    expect(partners).not.toContain("zh-follow-up-sms");
    expect(partners).not.toContain("en-follow-up");
    fireEvent.change(b, { target: { value: "zh-follow-up-shipping-cost" } });
    fireEvent.click(screen.getByRole("button", { name: "开始测试" }));

    expect(startAbTest).toHaveBeenCalledWith({
      scenario: "follow-up",
      templateA: "zh-follow-up",
      templateB: "zh-follow-up-shipping-cost",
    });
    await waitFor(() => expect(row("B")).toBeTruthy(), WAIT);
    expect(card().textContent).toContain("二次催付 · 进行中");
    expect(within(row("A")).getByTestId("ab-orders").textContent).toBe("0");
    expect(screen.getByTestId("ab-verdict").textContent).toBe(
      "还不能下结论：每组至少要 30 单（现在 A 0 单，B 0 单）。",
    );
    // A second test of the same scenario cannot be started while it runs.
    expect(screen.getByRole("button", { name: "开始测试" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(card().textContent).toContain("这个场景已有一个测试在进行");
  });

  it("shows each arm's orders, recoveries and rate with its 95 % interval, the significant winner, and ends keeping it", async () => {
    await getDb().settings.put({ key: "abTests", value: [TEST] });
    await seedArm("1", "zh-follow-up", 100, 30);
    await seedArm("2", "zh-follow-up-shipping-cost", 100, 45);
    render(<AbTestCard locale="zh" />);

    await waitFor(
      () =>
        expect(within(row("B")).getByTestId("ab-orders").textContent).toBe(
          "100",
        ),
      WAIT,
    );
    expect(within(row("A")).getByTestId("ab-recovered").textContent).toBe("30");
    expect(within(row("B")).getByTestId("ab-recovered").textContent).toBe("45");
    // 45/100: Wilson [0.356, 0.548].
    expect(row("B").textContent).toContain("45%（35.6% – 54.8%）");
    const nameB = row("B").cells[1]!.textContent!;
    expect(screen.getByTestId("ab-verdict").textContent).toBe(
      `差异显著（p = 0.028）：「${nameB}」挽回率更高。`,
    );

    fireEvent.click(
      screen.getByRole("button", {
        name: `结束测试，保留「${nameB}」`,
      }),
    );
    expect(endAbTest).toHaveBeenCalledWith({ id: "ab-card", winner: "B" });
    await waitFor(
      () => expect(card().textContent).toContain("已结束的测试"),
      WAIT,
    );
    expect(card().textContent).toContain("为这个场景的首选话术");
    expect(await readPlainSetting(getDb(), "abTests")).toEqual([
      { ...TEST, endedAt: T0 + 48 * H, winner: "B" },
    ]);
  });

  it("offers no winner to keep while the difference is not significant, only to end keeping neither", async () => {
    await getDb().settings.put({ key: "abTests", value: [TEST] });
    await seedArm("1", "zh-follow-up", 40, 15);
    await seedArm("2", "zh-follow-up-shipping-cost", 40, 14);
    render(<AbTestCard locale="zh" />);
    await waitFor(
      () =>
        expect(screen.getByTestId("ab-verdict").textContent).toBe(
          "差异尚不显著（p = 0.816）：可以继续测试。",
        ),
      WAIT,
    );
    expect(screen.queryByRole("button", { name: /保留「/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "结束测试，不保留" }));
    expect(endAbTest).toHaveBeenCalledWith({ id: "ab-card" });
    await waitFor(
      () => expect(card().textContent).toContain("结束时没有保留话术"),
      WAIT,
    );
  });

  it("says why when the background refuses", async () => {
    vi.mocked(startAbTest).mockRejectedValue(new Error("PayNudge refused"));
    render(<AbTestCard locale="zh" />);
    fireEvent.click(
      await screen.findByRole("button", { name: "开始测试" }, WAIT),
    );
    expect((await screen.findByRole("alert", {}, WAIT)).textContent).toBe(
      "没有成功：PayNudge refused",
    );
  });
});

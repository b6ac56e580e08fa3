import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleStartAbTest } from "@/lib/background/ab-tests";
import { composeContext } from "@/lib/background/compose-context";
import { answer, backgroundRoutes, type Routes } from "@/lib/background/routes";
import { RefusedError } from "@/lib/background/senders";
import { PayNudgeDB } from "@/lib/db/schema";
import { abArm } from "@/lib/engine/ab-split";
import type { RequestType } from "@/lib/messaging/protocol";
import type { AbTest } from "@/lib/model/ab-test";
import type { StoredOrder } from "@/lib/model/order";
import { getSetting, invalidStoredSettings } from "@/lib/schemas/settings";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { contentScript, extensionPage } from "@/test/support/senders";

/*
 * A/B tests of two templates (issue 16), as the background runs them: only the extension's own
 * pages start or end one, a malformed or impossible one is refused with nothing changed, and while
 * one runs every agent is shown the order's arm's words first.
 */

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const reportPage = () => extensionPage("report.html");
const SHOP = "https://myseller.taobao.com/home.htm/trade-platform/tp/sold";

const CUSTOM: MessageTemplate = {
  id: "custom-follow-up",
  scenario: "follow-up",
  segment: "any",
  channel: "chat",
  locale: "zh",
  name: "短催",
  body: "亲，订单还在等您付款哦～",
};

const START = {
  scenario: "follow-up",
  templateA: "zh-follow-up",
  templateB: CUSTOM.id,
};

function order(id: string, extra: Partial<StoredOrder> = {}): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    createdAt: NOW - 90 * MIN,
    items: [{ title: "加厚珊瑚绒四件套" }],
    pageUrl: SHOP,
    firstSeenAt: NOW - 90 * MIN,
    lastSeenAt: NOW,
    nudgeCount: 1,
    nextStep: "follow-up",
    nextScenario: "follow-up",
    nextChannel: "chat",
    ...extra,
  };
}

let db: PayNudgeDB;
let routes: Routes;
const ask = (type: RequestType, data: unknown, sender = reportPage()) =>
  answer(type, routes[type])({ data, sender });
const stored = () => getSetting(db, "abTests");
const best = async (key: string) =>
  (await composeContext(db, key, NOW)).templates[0]?.id;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  routes = backgroundRoutes(db);
  await db.templates.put(CUSTOM);
});

afterEach(() => vi.restoreAllMocks());

describe("starting a test", () => {
  it("stores a running test of the two templates, answered to the page", async () => {
    const test = (await ask("startAbTest", START)) as AbTest;
    expect(test).toMatchObject({ ...START, id: expect.stringMatching(/^ab-/) });
    expect(test.endedAt).toBeUndefined();
    expect(await stored()).toEqual([test]);
  });

  it("is refused from a content script before anything runs", async () => {
    await expect(
      ask("startAbTest", START, contentScript(SHOP)),
    ).rejects.toThrow(RefusedError);
    await expect(
      ask("endAbTest", { id: "ab-x", winner: "A" }, contentScript(SHOP)),
    ).rejects.toThrow(RefusedError);
    expect(await db.settings.get("abTests")).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["the same template twice", { ...START, templateB: "zh-follow-up" }],
    ["an unknown scenario", { ...START, scenario: "declined" }],
    ["a template id of another shape", { ...START, templateA: "a b" }],
    ["an extra field", { ...START, winner: "A" }],
    ["no data", undefined],
    ["a template that does not exist", { ...START, templateB: "custom-gone" }],
    ["a template of another scenario", { ...START, templateB: "zh-final" }],
    ["templates for two channels", { ...START, templateB: "zh-follow-up-sms" }],
    ["templates in two languages", { ...START, templateB: "en-follow-up" }],
    [
      "templates for different buyers (a new-buyer text)",
      {
        scenario: "first",
        templateA: "default-first-zh",
        templateB: "zh-first-new",
      },
    ],
    [
      "templates for different kinds of order (a silent-order text)",
      {
        scenario: "first",
        templateA: "default-first-zh",
        templateB: "zh-first-silent",
      },
    ],
  ])("refuses %s, and nothing changes", async (_what, data) => {
    await expect(ask("startAbTest", data)).rejects.toThrow();
    expect(await db.settings.get("abTests")).toBeUndefined();
  });

  it("refuses a second test of the same scenario while one runs", async () => {
    const first = await ask("startAbTest", START);
    await expect(
      ask("startAbTest", { ...START, templateA: "zh-follow-up-shipping-cost" }),
    ).rejects.toThrow(/already runs/);
    expect(await stored()).toEqual([first]);
  });
});

describe("ending a test", () => {
  it("keeps the winner, and refuses to end it again or end an unknown one, with nothing changed", async () => {
    const test = (await ask("startAbTest", START)) as AbTest;
    const ended = (await ask("endAbTest", {
      id: test.id,
      winner: "B",
    })) as AbTest;
    expect(ended).toMatchObject({ id: test.id, winner: "B" });
    expect(ended.endedAt).toBeGreaterThanOrEqual(test.startedAt);
    expect(await stored()).toEqual([ended]);

    await expect(ask("endAbTest", { id: test.id })).rejects.toThrow(/ended/);
    await expect(ask("endAbTest", { id: "ab-nope" })).rejects.toThrow();
    await expect(
      ask("endAbTest", { id: test.id, winner: "C" }),
    ).rejects.toThrow();
    expect(await stored()).toEqual([ended]);
  });
});

describe("the words offered first while a test runs", () => {
  /** Order ids whose keys fall into each arm of the test. */
  const keysByArm = (test: AbTest) => {
    const ids = Array.from({ length: 40 }, (_, i) => String(4_100_000 + i));
    return {
      A: ids.filter((id) => abArm(test, `taobao:${id}`) === "A").slice(0, 3),
      B: ids.filter((id) => abArm(test, `taobao:${id}`) === "B").slice(0, 3),
    };
  };

  it("are the order's arm's template, for every order of the scenario, both arms in use", async () => {
    const test = await handleStartAbTest(db, START, NOW);
    const { A, B } = keysByArm(test);
    expect(A.length).toBe(3);
    expect(B.length).toBe(3);
    await db.orders.bulkPut([...A, ...B].map((id) => order(id)));
    for (const id of A) expect(await best(`taobao:${id}`)).toBe("zh-follow-up");
    for (const id of B) expect(await best(`taobao:${id}`)).toBe(CUSTOM.id);
    // Asked again (another agent, a reload): the same arm.
    expect(await best(`taobao:${B[0]}`)).toBe(CUSTOM.id);
  });

  it("leave other scenarios' orders, and an SMS step, as they were", async () => {
    const test = await handleStartAbTest(db, START, NOW);
    const { B } = keysByArm(test);
    await db.orders.bulkPut([
      order(B[0]!, { nextStep: "final", nextScenario: "final" }),
      order(B[1]!, { nextChannel: "sms" }),
    ]);
    expect(await best(`taobao:${B[0]}`)).toBe("zh-final");
    expect(await best(`taobao:${B[1]}`)).toBe("zh-follow-up-sms");
  });

  it("are the kept winner's once the test ended, for every order; no winner kept: the usual ranking", async () => {
    const test = await handleStartAbTest(db, START, NOW);
    const { A, B } = keysByArm(test);
    await db.orders.bulkPut([order(A[0]!), order(B[0]!)]);
    await ask("endAbTest", { id: test.id, winner: "A" });
    expect(await best(`taobao:${A[0]}`)).toBe("zh-follow-up");
    expect(await best(`taobao:${B[0]}`)).toBe("zh-follow-up");

    await db.settings.delete("abTests");
    // With no test, the seller's own text comes first (it wins ties with the shipped one).
    const usual = await best(`taobao:${A[0]}`);
    expect(usual).toBe(CUSTOM.id);
    const again = await handleStartAbTest(db, START, NOW);
    await ask("endAbTest", { id: again.id });
    expect(await best(`taobao:${A[0]}`)).toBe(usual);
  });
});

describe("a stored list that breaks the rules", () => {
  it("reads as no tests, and the options page names it, so no order is split by it", async () => {
    const running = { ...START, id: "ab-1", startedAt: NOW } as AbTest;
    await db.settings.put({
      key: "abTests",
      value: [
        running,
        { ...running, id: "ab-2", templateA: "zh-follow-up-shipping-cost" },
      ],
    });
    expect(await stored()).toEqual([]);
    expect(await invalidStoredSettings(db)).toEqual(["abTests"]);
    await db.orders.put(order("4100000"));
    expect(await best("taobao:4100000")).toBe(CUSTOM.id);
  });
});

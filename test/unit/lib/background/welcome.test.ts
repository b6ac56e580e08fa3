import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { claimWelcome, openWelcomeOnce } from "@/lib/background/welcome";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
let db: PayNudgeDB;

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((tab) =>
    tab.url?.endsWith("/welcome.html"),
  );

beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("first run: the welcome page", () => {
  it("opens on install and notes it shown in the database", async () => {
    await openWelcomeOnce(db, "install", NOW);
    expect(await welcomeTabs()).toHaveLength(1);
    expect(await db.settings.get("welcomeShownAt")).toEqual({
      key: "welcomeShownAt",
      value: NOW,
    });
  });

  it("does not open again on the next onInstalled of the same profile (every launch of an unpacked build)", async () => {
    await openWelcomeOnce(db, "install", NOW);
    await openWelcomeOnce(db, "install", NOW + 60_000);
    await openWelcomeOnce(db, "update", NOW + 120_000);
    expect(await welcomeTabs()).toHaveLength(1);
    expect((await db.settings.get("welcomeShownAt"))?.value).toBe(NOW);
  });

  it("does not open when the database says it was shown (a restored backup)", async () => {
    await db.settings.put({ key: "welcomeShownAt", value: NOW - 86_400_000 });
    expect(await claimWelcome(db, "install", NOW)).toBe(false);
    await openWelcomeOnce(db, "install", NOW);
    expect(await welcomeTabs()).toHaveLength(0);
  });

  it("opens once when two onInstalled handlers race", async () => {
    const answers = await Promise.all([
      claimWelcome(db, "install", NOW),
      claimWelcome(db, "install", NOW),
    ]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("after an update, only where PayNudge has not seen an order yet", async () => {
    expect(await claimWelcome(db, "update", NOW)).toBe(true);

    const working = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    await working.orders.add({
      key: "taobao:1",
      platform: "taobao",
      orderId: "1",
      status: "unpaid",
      items: [],
      pageUrl: "https://trade.taobao.com/",
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      nudgeCount: 0,
    } satisfies StoredOrder);
    expect(await claimWelcome(working, "update", NOW)).toBe(false);
    // Decided once: it is not asked again on the next launch.
    expect((await working.settings.get("welcomeShownAt"))?.value).toBe(NOW);
  });

  it("never for Chrome's own update", async () => {
    expect(await claimWelcome(db, "chrome_update", NOW)).toBe(false);
    expect(await db.settings.get("welcomeShownAt")).toBeUndefined();
  });
});

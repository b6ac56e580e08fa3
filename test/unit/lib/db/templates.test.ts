import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleMessageFor } from "@/lib/background/order-actions";
import { handleOrdersSeen } from "@/test/support/seen";
import {
  handleDeleteTemplate,
  handleSaveEngineSettings,
  handleSaveTemplate,
  handleSetPlatformEnabled,
} from "@/lib/background/settings-handlers";
import { ALARM_NAME } from "@/lib/background/due-check";
import { BackupError } from "@/lib/messaging/backup-error";
import {
  exportBackup,
  parseBackup,
  restoreBackup,
} from "@/lib/schemas/backup-file";
import { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_TEMPLATES,
  templatesFor,
  type MessageTemplate,
} from "@/lib/templates/shipped";
import { getSetting } from "@/lib/schemas/settings";
import { newTemplateId } from "@/lib/db/templates";
import {
  allTemplates,
  mergeTemplates,
  templateEntries,
} from "@/lib/schemas/templates";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const order = (id: string, minutesAgo: number) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: NOW - minutesAgo * MIN,
  buyer: "牛**",
  amountCents: 23900,
  items: [{ title: "珊瑚绒四件套" }],
});

const custom: MessageTemplate = {
  id: "custom-abc",
  scenario: "first",
  segment: "any",
  channel: "chat",
  locale: "zh",
  name: "我的首催",
  body: "{{buyer}}，{{shop}}的「{{item}}」给您留着呢，今天付款今天发～",
};

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("templates store", () => {
  it("merges the seller’s templates first, an edited shipped one in its place, and skips broken rows", () => {
    const edited = { ...DEFAULT_TEMPLATES[1]!, body: "改过的：{{item}}" };
    const entries = mergeTemplates([
      edited,
      custom,
      { id: "bad", body: "{{oops}}" },
      { ...custom, id: "x2", body: "{{nope}}" },
    ]);
    expect(entries).toHaveLength(DEFAULT_TEMPLATES.length + 1);
    expect(entries[0]).toEqual({ template: custom, origin: "custom" });
    expect(entries[2]).toEqual({ template: edited, origin: "edited" });
    expect(entries.filter((e) => e.origin === "default")).toHaveLength(
      DEFAULT_TEMPLATES.length - 1,
    );
  });

  it("saves, overrides and restores through the handlers, refusing invalid templates", async () => {
    await handleSaveTemplate(db, custom);
    const shipped = DEFAULT_TEMPLATES.find((tpl) => tpl.id === "zh-final")!;
    await handleSaveTemplate(db, {
      ...shipped,
      body: "{{buyer}}，订单{{timeLeft}}后关闭。",
    });
    let all = await allTemplates(db);
    expect(all.find((tpl) => tpl.id === "custom-abc")?.name).toBe("我的首催");
    expect(all.find((tpl) => tpl.id === "zh-final")?.body).toBe(
      "{{buyer}}，订单{{timeLeft}}后关闭。",
    );
    expect(all.filter((tpl) => tpl.id === "zh-final")).toHaveLength(1);

    await expect(
      handleSaveTemplate(db, {
        ...custom,
        id: "custom-2",
        body: "您好{{coupon}}",
      }),
    ).rejects.toThrow(/unknown variable/);
    await expect(
      handleSaveTemplate(db, {
        ...custom,
        id: "custom-3",
        scenario: "nonsense",
      }),
    ).rejects.toThrow();
    expect(await db.templates.count()).toBe(2);

    await handleDeleteTemplate(db, { id: "zh-final" });
    all = await allTemplates(db);
    expect(all.find((tpl) => tpl.id === "zh-final")?.body).toBe(shipped.body);
    await handleDeleteTemplate(db, { id: "custom-abc" });
    expect(
      (await templateEntries(db)).every((e) => e.origin === "default"),
    ).toBe(true);
  });

  it("makes new ids that never collide with shipped ones", () => {
    const id = newTemplateId(NOW, () => 0.5);
    expect(id).toMatch(/^custom-[0-9a-z]+-[0-9a-z]+$/);
    expect(DEFAULT_TEMPLATES.some((tpl) => tpl.id === id)).toBe(false);
  });

  it("offers a custom template first for its scenario, and the background copies it", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, shopName: "暖暖小铺", orders: [order("1", 40)] },
      NOW,
    );
    const before = await handleMessageFor(db, { key: "taobao:1" }, NOW);
    expect(before.text).not.toContain("给您留着呢");

    await handleSaveTemplate(db, custom);
    expect(
      templatesFor(
        { locale: "zh", scenario: "first" },
        await allTemplates(db),
      )[0]!.id,
    ).toBe("custom-abc");
    const reply = await handleMessageFor(db, { key: "taobao:1" }, NOW);
    expect(reply.text).toBe(
      "牛**，暖暖小铺的「珊瑚绒四件套」给您留着呢，今天付款今天发～",
    );
  });

  it("is backed up and restored with everything else; a malformed template row is refused", async () => {
    await handleSaveTemplate(db, custom);
    const backup = await exportBackup(db, NOW);
    expect(backup.tables.templates).toEqual([custom]);
    const other = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    await restoreBackup(other, backup);
    expect(await other.templates.toArray()).toEqual([custom]);

    const names = db.tables.map((table) => table.name);
    const broken = {
      ...backup,
      tables: {
        ...backup.tables,
        templates: [{ ...custom, body: "{{oops}}" }],
      },
    };
    expect(() => parseBackup(broken, names)).toThrow(BackupError);
    expect(() => parseBackup(broken, names)).toThrow(/templates row 1/);
  });
});

describe("options handlers: engine settings and platforms", () => {
  it("saves engine settings and re-plans open orders at once (timer and alarm follow)", async () => {
    await handleOrdersSeen(db, { pageUrl: page, orders: [order("1", 5)] }, NOW);
    await handleSaveEngineSettings(
      db,
      { quietHours: [], channelWindows: {} },
      NOW,
    );
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(NOW + 25 * MIN);

    const steps = (await getSetting(db, "steps")).map((s) =>
      s.id === "first" ? { ...s, offsetMs: 45 * MIN } : s,
    );
    const { replanned } = await handleSaveEngineSettings(db, { steps }, NOW);
    expect(replanned).toBe(1);
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(NOW + 40 * MIN);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(
      NOW + 40 * MIN,
    );
    expect(
      (await getSetting(db, "steps")).find((s) => s.id === "first")?.offsetMs,
    ).toBe(45 * MIN);
  });

  it("refuses malformed engine settings without storing anything", async () => {
    await expect(
      handleSaveEngineSettings(
        db,
        { quietHours: [{ from: 0, to: 2000 }] },
        NOW,
      ),
    ).rejects.toThrow();
    await expect(
      handleSaveEngineSettings(db, { secret: 1 }, NOW),
    ).rejects.toThrow();
    await expect(
      handleSaveEngineSettings(
        db,
        { buyerCap: { count: -1, windowMs: 0 } },
        NOW,
      ),
    ).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });

  it("turns a platform off and on again", async () => {
    await handleSetPlatformEnabled(db, { platform: "jd", enabled: false });
    expect(await getSetting(db, "enabledPlatforms")).toEqual({ jd: false });
    await handleSetPlatformEnabled(db, { platform: "jd", enabled: true });
    expect(await getSetting(db, "enabledPlatforms")).toEqual({});
    await expect(
      handleSetPlatformEnabled(db, { platform: "ebay", enabled: false }),
    ).rejects.toThrow();
  });
});

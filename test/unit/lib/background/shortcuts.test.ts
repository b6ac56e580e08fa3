// @vitest-environment jsdom
// (navigator.languages, which the service worker has and Node 20 does not.)
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  copyNextDue,
  nextDueKey,
  openWorkspaceFor,
} from "@/lib/background/shortcuts";
import { PayNudgeDB } from "@/lib/db/schema";
import {
  OFFSCREEN_COPY,
  isOffscreenCopy,
} from "@/lib/messaging/offscreen-copy";
import { handleOrdersSeen } from "@/test/support/seen";

/*
 * The keyboard shortcuts (issue 15, "Keyboard first"): one opens the workspace beside the current
 * tab, the other copies the message of the order to nudge next (longest overdue first) through the
 * offscreen page and says whose it is. Headless Chromium does not dispatch the browser's own
 * accelerators, so the commands' handlers are tested here.
 */

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const order = (id: string, minutesAgo: number) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: NOW - minutesAgo * MIN,
  buyer: `买家${id}`,
  amountCents: 23900,
  items: [{ title: `商品${id}` }],
});

let db: PayNudgeDB;
let copied: string[];
let panel: {
  setOptions: ReturnType<typeof vi.fn>;
  open: ReturnType<typeof vi.fn>;
};

beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  copied = [];
  panel = { setOptions: vi.fn(async () => {}), open: vi.fn(async () => {}) };
  Object.assign(fakeBrowser, {
    sidePanel: panel,
    offscreen: {
      hasDocument: vi.fn(async () => false),
      createDocument: vi.fn(async () => {}),
    },
  });
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation((async (
    message: unknown,
  ) => {
    if (!isOffscreenCopy(message)) return undefined;
    copied.push(message.text);
    return { type: OFFSCREEN_COPY, copied: true };
  }) as never);
});

const shown = async () =>
  Object.values(await fakeBrowser.notifications.getAll()).map(
    (n) => (n as { message: string }).message,
  );

describe("the keyboard shortcuts", () => {
  it("opens the workspace beside the current tab, both calls made at once", () => {
    openWorkspaceFor({ id: 5 } as chrome.tabs.Tab);
    expect(panel.setOptions).toHaveBeenCalledWith({
      tabId: 5,
      path: "sidepanel.html",
      enabled: true,
    });
    expect(panel.open).toHaveBeenCalledWith({ tabId: 5 });
    openWorkspaceFor(undefined);
    expect(panel.open).toHaveBeenCalledTimes(1);
  });

  it("copies the message of the longest overdue order and names its buyer", async () => {
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: [order("1001", 40), order("1002", 200), order("1003", 5)],
      },
      NOW,
    );
    expect(await nextDueKey(db, NOW)).toBe("taobao:1002");
    await copyNextDue(db, NOW);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/商品1002/);
    expect(await shown()).toContainEqual(expect.stringMatching(/买家1002/));
  });

  it("copies nothing and says so when no order is due", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("2001", 1)] },
      NOW,
    );
    expect(await nextDueKey(db, NOW)).toBeUndefined();
    await copyNextDue(db, NOW);
    expect(copied).toEqual([]);
    expect(await shown()).toContainEqual(
      expect.stringMatching(/没有该催付|No order is due/),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import { ORDERS_SCRIPT } from "@/lib/background/granted-sites";
import {
  badgeStates,
  closedRoot,
  dbCounts,
  DEMO_PAGE,
  demoShopRoute,
  openDemoShop,
  orderPage,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";

/*
 * The seller's page is not PayNudge's: its own scripts (or a script injected into it) share the DOM
 * with the badges. Played here by a hostile script in the demo shop's main world, installed before
 * anything else runs and given the extension's id. It tries to look inside the badges, act through
 * them as the agent (open the panel, which copies; pick 不想要了; log a nudge), hear PayNudge start,
 * and switch it off with WXT's start event. None of it may work: the badges stay, keep updating, and
 * only the agent's real clicks act.
 */

const MIN = 60_000;
const T = Math.floor(Date.now() / 1000) * 1000;
const FIRST_PAGE = demoOrders(T).slice(0, 15);
/** An order whose nudge is due: its badge opens the panel. */
const TARGET = FIRST_PAGE.find(
  (o) => o.status === "等待买家付款" && o.createdAt + 30 * MIN < T - 30 * MIN,
)!;
/** Another waiting order, which the page will later show as paid. */
const TURNS_PAID = FIRST_PAGE.find(
  (o) => o.status === "等待买家付款" && o.id !== TARGET.id,
)!;

/** A shop page outside the manifest's matches: a site the seller would grant. */
const GRANTED_PAGE = "/shop/orders.htm";

interface HostileLog {
  /** Every window message the page received. */
  messages: string[];
  /** Every WXT start event (under any of the names it could have) seen on document or window. */
  starts: string[];
  /** attachShadow calls in the page's world (PayNudge's run in its own world). */
  attachShadow: number;
}

/** The page's own script: runs at document start in the main world of every load. */
function hostileScript(extensionId: string) {
  const log: HostileLog = { messages: [], starts: [], attachShadow: 0 };
  (window as unknown as { __hostile: HostileLog }).__hostile = log;
  // Force every shadow root open, as a page can in its own world.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    log.attachShadow += 1;
    return attach.call(this, { ...init, mode: "open" });
  };
  window.addEventListener(
    "message",
    (event) => {
      let data: string;
      try {
        data = JSON.stringify(event.data) ?? String(event.data);
      } catch {
        data = String(event.data);
      }
      log.messages.push(data);
    },
    true,
  );
  const names = [extensionId, "undefined", ""].flatMap((prefix) =>
    ["orders", "content-scripts/orders", "orders.content"].map(
      (entry) => `${prefix}:${entry}:wxt:content-script-started`,
    ),
  );
  names.push("wxt:content-script-started");
  for (const name of names) {
    document.addEventListener(name, () => log.starts.push(name), true);
    window.addEventListener(name, () => log.starts.push(name), true);
  }
}

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

const hostile = <T>(fn: (log: HostileLog) => T | Promise<T>): Promise<T> =>
  shop.evaluate(`(${fn.toString()})(window.__hostile)`) as Promise<T>;
const clipboard = () => shop.evaluate(() => navigator.clipboard.readText());
const nudges = async () => (await dbCounts(await ext.extPage())).nudges!;
const badge = (id: string) => closedRoot(shop, `[data-paynudge-order="${id}"]`);

beforeAll(async () => {
  server = await startServer({
    routes: [
      demoShopRoute(() => T),
      orderPage(GRANTED_PAGE, () => FIRST_PAGE.slice(0, 3)),
    ],
  });
  ({ ext, shop } = await openDemoShop(server, {
    ...IN_PAGE_PANEL,
    agentName: "小美",
  }));
  // From now on the page's own script is hostile, from the first moment of each load.
  await shop.addInitScript(hostileScript, ext.extensionId);
  await shop.reload();
  await waitForBadges(shop, 15);
  await shop.evaluate(() => navigator.clipboard.writeText("untouched"));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("a hostile page script", () => {
  it("cannot look inside a badge, and reads nothing on it beyond the test hooks", async () => {
    const seen = await hostile(() =>
      [...document.querySelectorAll("[data-paynudge-order]")].map((host) => ({
        shadowRoot: host.shadowRoot === null ? "null" : "open",
        attributes: host.getAttributeNames().sort().join(" "),
        expandos: Object.keys(host).length,
        children: host.childNodes.length,
      })),
    );
    expect(seen).toHaveLength(15);
    for (const host of seen)
      expect(host).toEqual({
        shadowRoot: "null",
        attributes: "data-paynudge-due data-paynudge-order data-paynudge-state",
        expandos: 0,
        children: 0,
      });
    // PayNudge attaches its roots in its own world: the page's patched attachShadow never ran.
    expect(await hostile((log) => log.attachShadow)).toBe(0);
    // No global of PayNudge's (or of the React inside it) in the page's world.
    expect(
      await hostile(() =>
        Object.getOwnPropertyNames(window).filter((name) =>
          /paynudge|wxt|react|orders/i.test(name),
        ),
      ),
    ).toEqual([]);
  });

  it("heard nothing from PayNudge: no start message, no start event", async () => {
    expect(await hostile((log) => log.messages)).toEqual([]);
    expect(await hostile((log) => log.starts)).toEqual([]);
  });

  it("cannot open a panel, copy or log by clicking, pressing keys on or focusing badges", async () => {
    const before = await nudges();
    await hostile(async () => {
      for (const host of document.querySelectorAll<HTMLElement>(
        "[data-paynudge-order]",
      )) {
        // Through the root, were it open (it was, before).
        host.shadowRoot?.querySelector("button")?.click();
        host.click();
        host.dispatchEvent(
          new MouseEvent("click", { bubbles: true, composed: true }),
        );
        for (const key of ["Enter", " "]) {
          host.dispatchEvent(
            new KeyboardEvent("keydown", {
              key,
              bubbles: true,
              composed: true,
            }),
          );
          host.dispatchEvent(
            new KeyboardEvent("keyup", { key, bubbles: true, composed: true }),
          );
        }
        host.focus();
        // What is under the badge's button, as the page can ask: the host, never the button.
        const box = host.getBoundingClientRect();
        (
          document.elementFromPoint(
            box.left + box.width / 2,
            box.top + box.height / 2,
          ) as HTMLElement | null
        )?.click();
      }
      await new Promise((r) => setTimeout(r, 1500));
    });
    for (const order of FIRST_PAGE)
      expect(await badge(order.id).exists(".pn-panel")).toBe(false);
    expect(await clipboard()).toBe("untouched");
    expect(await nudges()).toBe(before);
  });

  it("even holding an open panel's root (leaked through DevTools), cannot pick an outcome, copy, log or close it", async () => {
    const target = badge(TARGET.id);
    // The agent opens the panel with a real click (which copies the message, as it should).
    await target.click("button");
    await expect.poll(() => target.isVisible(".pn-panel")).toBe(true);
    await until(clipboard, (text) => text.includes(TARGET.buyer));
    await shop.evaluate(() => navigator.clipboard.writeText("untouched"));
    const before = await nudges();
    const stateBefore = (await badgeStates(shop))[TARGET.id];

    // The page is handed the closed root, as a leak would: from here it can reach every control.
    await target.evaluate(`function () { window.__hostile.root = this; }`);
    await hostile(async (log) => {
      const root = (log as unknown as { root: ShadowRoot }).root;
      const button = (text: string) =>
        [...root.querySelectorAll("button")].find(
          (b) => b.textContent?.trim() === text,
        );
      const labelled = (text: string) =>
        [...root.querySelectorAll("label")].find(
          (l) => l.textContent?.trim() === text,
        )?.control as HTMLInputElement | HTMLSelectElement | undefined;
      // 不想要了, a reason and a channel, as a page would set them.
      labelled("不想要了")?.click();
      for (const [label, value] of [
        ["未付原因", "shipping-cost"],
        ["催付方式", "phone"],
        ["话术", "zh-final"],
      ] as const) {
        const select = labelled(label) as HTMLSelectElement | undefined;
        if (!select) continue;
        select.value = value;
        select.dispatchEvent(new Event("input", { bubbles: true }));
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
      for (const text of [
        "复制话术",
        "复制备注",
        "记录本次催付",
        "仍要再催一次",
      ])
        button(text)?.click();
      root
        .querySelector(".pn-panel")
        ?.dispatchEvent(
          new KeyboardEvent("keydown", { key: "Escape", bubbles: true }),
        );
      button("×")?.click();
      // And the badge's own button, which would close (or reopen and copy).
      root.querySelector("button")?.click();
      await new Promise((r) => setTimeout(r, 1500));
    });

    expect(await target.isVisible(".pn-panel")).toBe(true);
    expect(await target.text('.pn-panel [role="status"]')).toBe("");
    expect(await target.prop({ label: "不想要了" }, "checked")).toBe(false);
    expect(await target.prop({ label: "未付原因" }, "value")).toBe("");
    expect(await clipboard()).toBe("untouched");
    expect(await nudges()).toBe(before);
    expect((await badgeStates(shop))[TARGET.id]).toEqual(stateBefore);

    // The agent's own click still logs, and logs the agent's choices, not the page's.
    await target.click({ css: ".pn-panel button", text: "记录本次催付" });
    await expect
      .poll(() => target.text('.pn-panel [role="status"]'))
      .toBe("已记录");
    expect(await nudges()).toBe(before + 1);
    const logged = await ext.inExtension(
      () =>
        new Promise<{ outcome?: string; channel: string }[]>((resolve) => {
          const open = indexedDB.open("paynudge");
          open.onsuccess = () => {
            const req = open.result
              .transaction("nudges")
              .objectStore("nudges")
              .getAll();
            req.onsuccess = () => (open.result.close(), resolve(req.result));
          };
        }),
    );
    expect(logged.at(-1)).toMatchObject({ channel: "chat" });
    expect(logged.at(-1)!.outcome).toBeUndefined();
    await target.click("button");
    await expect.poll(() => target.exists(".pn-panel")).toBe(false);
  });

  it("cannot switch PayNudge off with WXT's start event or message, with or without the extension id", async () => {
    await shop.evaluate((id) => {
      for (const prefix of [id, "undefined", ""]) {
        for (const entry of ["orders", "content-scripts/orders"]) {
          const type = `${prefix}:${entry}:wxt:content-script-started`;
          const detail = { contentScriptName: entry, messageId: "forged" };
          document.dispatchEvent(new CustomEvent(type, { detail }));
          window.dispatchEvent(new CustomEvent(type, { detail }));
          window.postMessage({ type, ...detail, forgedBy: "page" }, "*");
        }
      }
      window.postMessage(
        {
          type: "wxt:content-script-started",
          contentScriptName: "orders",
          forgedBy: "page",
        },
        "*",
      );
    }, ext.extensionId);
    await shop.waitForTimeout(1500);
    expect(Object.keys(await badgeStates(shop))).toHaveLength(15);

    // Still at work: the page re-renders its list (new rows), and an order turns paid.
    await shop.evaluate(() => {
      for (const row of document.querySelectorAll(".trade-order-main")) {
        const fresh = row.cloneNode(true) as Element;
        for (const stale of fresh.querySelectorAll("[data-paynudge-order]"))
          stale.remove();
        row.replaceWith(fresh);
      }
    });
    await waitForBadges(shop, 15);
    await shop.evaluate((id) => {
      const row = [...document.querySelectorAll(".trade-order-main")].find(
        (r) => r.querySelector(`input[name="orderid"][value="${id}"]`),
      )!;
      row.querySelector(".text-mod__link___36nmM")!.textContent = "买家已付款";
    }, TURNS_PAID.id);
    await until(
      () => badgeStates(shop),
      (states) => states[TURNS_PAID.id]?.state === "paid",
    );
    // And the page heard nothing from PayNudge all along: its own forgeries are all it got.
    expect(
      (await hostile((log) => log.messages)).filter(
        (m) => !m.includes('"forgedBy":"page"'),
      ),
    ).toEqual([]);
  });
});

describe("the order script's own start (no WXT context)", () => {
  it("runs where a granted-site registration injects it, and badges each order once where the manifest injects it too", async () => {
    // What syncGrantedSites registers for a granted site, here the demo shop's host (under an id of
    // its own: the background keeps its own registration in step with the permissions).
    await ext.inExtension(async () => {
      await chrome.scripting.registerContentScripts([
        {
          id: "paynudge-test-injection",
          matches: ["http://localhost/*"],
          js: ["orders.js"],
          allFrames: true,
          runAt: "document_idle",
        },
      ]);
    });
    expect(ORDERS_SCRIPT).toBe("orders.js");
    try {
      // Injected by both the manifest and the registration (Chrome may run it once or twice; the
      // frame guard in lib/page/lifetime.ts covers the second): one badge per order.
      const twice = await ext.context.newPage();
      await twice.goto(server.origin + DEMO_PAGE);
      await waitForBadges(twice, 15);
      await twice.waitForTimeout(1500);
      expect(
        await twice.evaluate(() =>
          [...document.querySelectorAll(".trade-order-main")].map(
            (row) => row.querySelectorAll("[data-paynudge-order]").length,
          ),
        ),
      ).toEqual(Array(15).fill(1));
      await twice.close();
      // A page the manifest does not match: only the registration brings the script there.
      const granted = await ext.context.newPage();
      await granted.goto(server.origin + GRANTED_PAGE);
      await granted.waitForSelector("[data-paynudge-order]", {
        timeout: 15_000,
      });
      await granted.close();
    } finally {
      await ext.inExtension(() =>
        chrome.scripting.unregisterContentScripts({
          ids: ["paynudge-test-injection"],
        }),
      );
    }
  });
});

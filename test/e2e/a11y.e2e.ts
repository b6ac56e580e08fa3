import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  expectNoAxeViolations,
} from "@/test/support/browser/axe";
import {
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * Issue 15: the extension's pages read like a product. axe-core (test/support/browser/axe.ts) finds
 * no contrast, label or naming violation on the popup with a queue in it (its groups, an opened
 * row's actions, a row offering undo) or on the options page with every section shown; and the
 * base font holds at its size, not at Chromium's 75 % for extension pages.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let popup: Page;

const T = Math.floor(Date.now() / 1000) * 1000;

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext } = await openDemoShop(server));
  popup = await ext.extPage();
  await popup.setViewportSize({ width: 360, height: 800 });
  await popup.reload();
  await popup.waitForSelector('[data-group="overdue"], [data-group="due"]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The computed font size of what `selector` finds first, in px. */
const fontSize = (page: Page, selector: string) =>
  page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

describe("the popup", () => {
  it("sets its text at its own sizes, buyer, amount and item the largest of a row", async () => {
    expect(await fontSize(popup, "body")).toBe(14);
    const row = "[data-group] [data-paynudge-popup-item]";
    const buyer = await fontSize(popup, `${row} .buyer`);
    expect(buyer).toBeGreaterThanOrEqual(15);
    expect(await fontSize(popup, `${row} .amount`)).toBe(buyer);
    expect(await fontSize(popup, `${row} .item`)).toBeGreaterThanOrEqual(14);
    expect(await fontSize(popup, `${row} .line3`)).toBeLessThan(14);
  });

  it("keeps each line of a row on one line at 360 px, the whole text in its title", async () => {
    const lines = await popup.$$eval(
      "[data-paynudge-popup-item] .line1, [data-paynudge-popup-item] .line2, [data-paynudge-popup-item] .line3",
      (els) =>
        els.map((el) => {
          const style = getComputedStyle(el);
          return {
            height: el.getBoundingClientRect().height,
            lineHeight: parseFloat(style.lineHeight),
            overflows: el.scrollWidth > el.clientWidth + 1,
          };
        }),
    );
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.height).toBeLessThan(line.lineHeight * 1.5);
      expect(line.overflows).toBe(false);
    }
    const item = popup.locator("[data-paynudge-popup-item] .item").first();
    expect(await item.getAttribute("title")).toBe(await item.textContent());
  });

  it("has no contrast, label or naming violations: the queue, an opened row and a row offering undo", async () => {
    await expectNoAxeViolations(popup, "popup");
    const rows = popup.locator("[data-paynudge-popup-item]");
    await rows.nth(0).locator('[data-action="more"]').click();
    await expectNoAxeViolations(popup, "popup, a row's further actions");
    await rows.nth(0).locator('[data-action="paid"]').click();
    await popup.waitForSelector(
      '[data-paynudge-popup-held] [data-action="undo"]',
    );
    await expectNoAxeViolations(popup, "popup, a row offering undo");
  });

  it("reaches the report and the settings from its header with the keyboard", async () => {
    const report = popup.locator('header a[data-link="report"]');
    const settings = popup.locator('header a[data-link="settings"]');
    expect(await report.getAttribute("href")).toBe("/report.html");
    expect(await settings.getAttribute("href")).toBe("/options.html");
    const focused = () =>
      popup.evaluate(() => document.activeElement?.getAttribute("data-link"));
    await popup.locator("h1").click();
    // The header's links come first after the title (whichever other ways onward precede them).
    const reached: (string | null | undefined)[] = [];
    for (let i = 0; i < 4 && reached.at(-1) !== "report"; i++) {
      await popup.keyboard.press("Tab");
      reached.push(await focused());
    }
    expect(reached.at(-1)).toBe("report");
    expect(reached.every((link) => typeof link === "string")).toBe(true);
    // Focus is visible: an outline of its own.
    expect(
      await report.evaluate((el) => getComputedStyle(el).outlineStyle),
    ).toBe("solid");
    await popup.keyboard.press("Tab");
    expect(await focused()).toBe("settings");
    const [tab] = await Promise.all([
      ext.context.waitForEvent("page"),
      report.click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe("/report.html");
    await tab.waitForSelector(".report-page h1");
    await tab.close();
  });
});

describe("the options page", () => {
  let options: Page;
  beforeAll(async () => {
    options = await ext.context.newPage();
    await options.setViewportSize({ width: 1280, height: 800 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForSelector("section#report");
  });

  it("sets its text at 14 px, not at 75 %", async () => {
    expect(await fontSize(options, "body")).toBe(14);
    expect(await fontSize(options, "h2")).toBe(16);
  });

  it("has no contrast, label or naming violations, with every section shown", async () => {
    const sections = await until(
      () => options.$$eval("main section", (els) => els.length),
      (n) => n >= 6,
    );
    expect(sections).toBeGreaterThanOrEqual(6);
    // Whatever is folded is opened, so every section's fields are checked.
    await options.$$eval("details:not([open])", (els) =>
      els.forEach((el) => el.setAttribute("open", "")),
    );
    await expectNoAxeViolations(options, "options page");
  });
});

describe("the check itself", () => {
  it("fails on text below AA contrast and on an unnamed button, naming them", async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.waitForSelector("section#report");
    await page.evaluate(() => {
      const grey = document.createElement("p");
      grey.id = "axe-grey";
      grey.textContent = "灰色文字";
      grey.style.color = "#bbbbbb";
      const unnamed = document.createElement("button");
      unnamed.id = "axe-unnamed";
      document.body.append(grey, unnamed);
    });
    const found = await axeViolations(page);
    expect(found.map((v) => `${v.rule} ${v.target}`)).toEqual(
      expect.arrayContaining([
        "color-contrast #axe-grey",
        "button-name #axe-unnamed",
      ]),
    );
    await expect(expectNoAxeViolations(page, "broken page")).rejects.toThrow(
      /broken page: \d+ accessibility violation\(s\)\n- .*color-contrast/s,
    );
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startExtension,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";
import { expectNoAxeViolations } from "@/test/support/browser/axe";

/*
 * The options page in sections (issue 15), in real Chromium: the address names the section it
 * lands on, the navigation says which, unsaved edits are marked and guarded against a reload, a
 * refused save brings its field into view marked and focused, and a malformed import is refused
 * in Chinese.
 */

const SECTIONS = [
  "report",
  "general",
  "plan",
  "templates",
  "sites",
  "team",
  "data",
];

let ext: Extension;
let options: Page;
/** The browser's own dialogs seen (beforeunload, confirm), by type. */
const dialogs: string[] = [];
/** Whether a "leave site?" prompt is answered by staying. */
let stayOnLeave = false;

const url = (hash = "") =>
  `chrome-extension://${ext.extensionId}/options.html${hash}`;

/** Where a section's top is in the window, in CSS pixels. */
const topOf = (id: string) =>
  options.$eval(`#${id}`, (el) => el.getBoundingClientRect().top);

const currentLink = () =>
  options.$$eval("nav a[aria-current]", (links) =>
    links.map((a) => a.getAttribute("data-nav")),
  );

beforeAll(async () => {
  ext = await startExtension();
  options = await ext.context.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  options.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    if (dialog.type() === "beforeunload" && stayOnLeave) void dialog.dismiss();
    else void dialog.accept();
  });
});

afterAll(async () => {
  await ext?.close();
});

/** Opens the page on `hash` and waits until every section has its content. */
async function open(hash = "") {
  await options.goto(url(hash));
  await options.waitForSelector('#data input[name="retentionDays"]');
  await options.waitForSelector("#templates li[data-template]");
}

describe("options page: sections", () => {
  it("lands on the section the address names, its link current; the links reach the others by keyboard", async () => {
    await open("#plan");
    expect(await currentLink()).toEqual(["plan"]);
    await expect.poll(() => topOf("plan")).toBeLessThan(40);
    expect(await topOf("plan")).toBeGreaterThanOrEqual(-1);
    expect(
      await options.$$eval("nav a", (links) =>
        links.map((a) => a.getAttribute("href")),
      ),
    ).toEqual(SECTIONS.map((id) => `#${id}`));

    // The data section's link, reached and followed with the keyboard.
    const dataLink = options.locator('nav a[data-nav="data"]');
    await dataLink.focus();
    await options.keyboard.press("Enter");
    await expect
      .poll(() => options.evaluate(() => location.hash))
      .toBe("#data");
    await expect.poll(currentLink).toEqual(["data"]);
    // Near the bottom the page cannot scroll it to the top: it is in view all the same.
    const dataTop = await topOf("data");
    expect(dataTop).toBeGreaterThanOrEqual(-1);
    expect(dataTop).toBeLessThan(800);

    // A reload lands there again, once the sections above it have their height.
    await options.reload();
    await options.waitForSelector('#data input[name="retentionDays"]');
    await expect.poll(currentLink).toEqual(["data"]);
    await expect
      .poll(async () => {
        const top = await topOf("data");
        return top >= -1 && top < 800;
      })
      .toBe(true);

    // The popup's link to the report.
    await open("#report");
    expect(await currentLink()).toEqual(["report"]);
    await expect.poll(() => topOf("report")).toBeLessThan(120);
  });

  it("lists the UI language's templates only at first (no English ones in a Chinese list)", async () => {
    await open("#templates");
    const languages = () =>
      options.$$eval("#templates li[data-template]", (rows) =>
        rows.map((li) =>
          [...li.querySelectorAll(".tag")]
            .map((tag) => tag.textContent)
            .find((text) => text === "中文" || text === "English"),
        ),
      );
    expect((await languages()).length).toBeGreaterThan(10);
    expect(new Set(await languages())).toEqual(new Set(["中文"]));
    await options.selectOption('#templates select[name="filter-locale"]', "en");
    await expect
      .poll(async () => new Set(await languages()))
      .toEqual(new Set(["English"]));
    expect((await languages()).length).toBeGreaterThan(10);
    // Variables read by their Chinese names in the list.
    await options.selectOption('#templates select[name="filter-locale"]', "zh");
    const bodies = await options.$$eval("#templates .template-body", (ps) =>
      ps.map((p) => p.textContent ?? ""),
    );
    expect(bodies.join("")).not.toMatch(/\{\{/);
    expect(bodies.join("")).toContain("「");
  });

  it("marks an unsaved edit on its section and link, and asks before a reload loses it", async () => {
    await open("#general");
    const name = options.locator('input[name="agentName"]');
    await name.click();
    await options.keyboard.type("阿华");
    await expect
      .poll(() => options.locator('[data-testid="unsaved-general"]').count())
      .toBe(1);
    expect(
      await options.locator('nav a[data-nav="general"]').textContent(),
    ).toContain("未保存的修改");

    // The reload is refused by the seller at the browser's prompt: the edit is still there.
    stayOnLeave = true;
    dialogs.length = 0;
    await options.reload({ timeout: 3000 }).catch(() => undefined);
    await expect.poll(() => dialogs).toContain("beforeunload");
    expect(await name.inputValue()).toBe("阿华");
    stayOnLeave = false;

    // Saved: the mark goes, and a reload asks nothing.
    await options.click('form[aria-label="常规"] button[type="submit"]');
    await expect
      .poll(() => options.locator('[data-testid="unsaved-general"]').count())
      .toBe(0);
    dialogs.length = 0;
    await options.reload();
    await options.waitForSelector('input[name="agentName"]');
    await expect.poll(() => name.inputValue()).toBe("阿华");
    expect(dialogs).toEqual([]);
  });

  it("a refused save brings its field into view, marked red and focused, the error beside it", async () => {
    await open("#report");
    const cap = options.locator('input[name="capCount"]');
    await cap.fill("很多");
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.click('form[aria-label="催付计划"] button[type="submit"]');
    await expect
      .poll(() =>
        options.evaluate(() => document.activeElement?.getAttribute("name")),
      )
      .toBe("capCount");
    expect(await cap.getAttribute("aria-invalid")).toBe("true");
    expect(await cap.evaluate((el) => getComputedStyle(el).outlineColor)).toBe(
      "rgb(207, 19, 34)",
    );
    const box = (await cap.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    // The error right after the field's label.
    const error = await cap.evaluate(
      (el) => el.closest("label")?.nextElementSibling?.textContent ?? "",
    );
    expect(error).toMatch(/[\u4e00-\u9fff]/);
    // Left unsaved: the plan is marked, and leaving is guarded.
    expect(
      await options.locator('nav a[data-nav="plan"]').textContent(),
    ).toContain("未保存的修改");
  });

  it("refuses a malformed import in Chinese, saying which field and why", async () => {
    await open("#data");
    const broken = {
      format: "paynudge-backup",
      version: 1,
      exportedAt: Date.now(),
      tables: {
        settings: [{ key: "retentionDays", value: "ninety" }],
      },
    };
    await options.setInputFiles('[data-testid="import-file"]', {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const status = options.locator(
      'section[aria-label="数据"] [role="status"]',
    );
    await expect
      .poll(() => status.textContent())
      .toMatch(/^导入失败，现有数据未改动：备份中的设置第 1 条记录无效。/);
    const text = (await status.textContent())!;
    expect(text).toContain("订单保留天数");
    // No validator's English.
    expect(text).not.toMatch(/[A-Za-z]{3}/);
  });

  it("has no contrast, label or naming violations in any section or the navigation", async () => {
    await open();
    await options.$$eval("details:not([open])", (els) =>
      els.forEach((el) => el.setAttribute("open", "")),
    );
    await expectNoAxeViolations(options, "options navigation", {
      include: ["nav"],
    });
    for (const id of SECTIONS)
      await expectNoAxeViolations(options, `options #${id}`, {
        include: [`#${id}`],
      });
  });
});

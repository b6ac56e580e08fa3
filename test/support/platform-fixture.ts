import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterEach } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { until } from "@/test/support/until";

const FIXTURES = join(__dirname, "../fixtures/platforms");

function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/**
 * A fixture page in its own jsdom window at the platform's URL. Its inline scripts (the fixture's
 * own page code, which renders single-page-app rows late) run; nothing is fetched.
 */
export function openFixture(name: string, url: string): JSDOM {
  return new JSDOM(fixtureHtml(name), {
    url,
    runScripts: "dangerously",
    pretendToBeVisual: true,
  });
}

export function parseAll(
  adapter: PlatformAdapter,
  doc: Document,
  now: number,
): OrderSnapshot[] {
  return adapter
    .findRows(doc)
    .map((row) => adapter.parseRow(row, { now }))
    .filter((s): s is OrderSnapshot => !!s);
}

/** Local time, as the pages show it. */
export const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s).getTime();

/** The seller looks at the fixture pages on 2024-05-18 at 16:30 local time. */
export const NOW = at(2024, 5, 18, 16, 30);
export const MIN = 60_000;
export const items = (...titles: string[]) =>
  titles.map((title) => ({ title }));

/**
 * Fixture pages for one test file, each closed after its test: `load` gives the page as loaded,
 * `rendered` waits until the adapter finds `count` rows (single-page fixtures render late).
 */
export function fixturePages() {
  let open: JSDOM[] = [];
  afterEach(() => {
    for (const dom of open) dom.window.close();
    open = [];
  });
  const opened = (name: string, url: string) => {
    const dom = openFixture(name, url);
    open.push(dom);
    return dom;
  };
  return {
    load: (name: string, url: string): Document =>
      opened(name, url).window.document,
    async rendered(
      name: string,
      url: string,
      adapter: PlatformAdapter,
      count: number,
      now = NOW,
    ) {
      const dom = opened(name, url);
      const doc = dom.window.document;
      await until(
        () => adapter.findRows(doc).length,
        (n) => n === count,
      );
      return { dom, doc, orders: parseAll(adapter, doc, now) };
    },
  };
}

/** Clicks the fixture page's element (its own page code follows, as the platform's would). */
export function click(dom: JSDOM, selector: string) {
  const el = dom.window.document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  (el as HTMLElement).click();
}

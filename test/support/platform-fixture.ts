import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import type { OrderSnapshot } from "@/lib/model/order";
import type { PlatformAdapter } from "@/lib/platforms/types";

export const FIXTURES = join(__dirname, "../fixtures/platforms");

export function fixtureHtml(name: string): string {
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

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_DIR, PRODUCTION_DIR } from "../../scripts/chrome.mjs";
import {
  demoShopRoute,
  hostRoutes,
  selfSignedTls,
} from "../../demo/server.mjs";
import {
  DEMO_PAGE,
  startExtension,
  startServer,
  until,
  type Extension,
} from "@/test/support/browser/harness";

/*
 * What the seller installs (the production build, `npm run build`): no `tabs` permission, host
 * access to the platforms' back-offices only, and nothing of the demo shop. In real Chromium it
 * badges a platform's page on its real URL and leaves the demo shop's local page alone, while the
 * test build (what `npm start` and these tests load) runs on the demo shop.
 */

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    permissions: string[];
    host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };

const TAOBAO = "trade.taobao.com/trade/itemlist/list_sold_items.htm";
const fixture = readFileSync(
  join(__dirname, "../fixtures/platforms/taobao-legacy.html"),
  "utf8",
);

let server: Awaited<ReturnType<typeof startServer>>;
let demo: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;

beforeAll(async () => {
  server = await startServer({
    tls: await selfSignedTls(),
    routes: [hostRoutes({ [TAOBAO]: () => fixture })],
  });
  demo = await startServer({ routes: [demoShopRoute()] });
  ext = await startExtension({
    hostMap: server.port,
    extensionDir: PRODUCTION_DIR,
  });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await demo?.close();
});

describe("the production build", () => {
  it("asks for no tabs permission and for the platforms' hosts only; the demo shop only in the test build", () => {
    const prod = manifest(PRODUCTION_DIR);
    expect(prod.permissions).not.toContain("tabs");
    expect(prod.host_permissions.length).toBeGreaterThan(0);
    for (const pattern of [
      ...prod.host_permissions,
      ...prod.content_scripts.flatMap((s) => s.matches),
    ])
      expect(pattern).toMatch(
        /^https:\/\/[^/]*(taobao|tmall|jd|pinduoduo|jinritemai|shopify)\.com\//,
      );
    const test = manifest(EXTENSION_DIR);
    expect(test.permissions).not.toContain("tabs");
    expect(test.content_scripts.flatMap((s) => s.matches)).toContain(
      "http://localhost/paynudge-demo/*",
    );
  });

  it("badges a platform's page on its real URL and can find that tab, but leaves the demo shop alone", async () => {
    const shop = await ext.context.newPage();
    await shop.goto(`https://${TAOBAO}`);
    await shop.waitForSelector("[data-paynudge-order]", { timeout: 15_000 });

    const local = await ext.context.newPage();
    await local.goto(demo.origin + DEMO_PAGE);
    await local.waitForSelector("table, .order, body");
    // The background sees the platform tab's URL through its host permission, not the demo's.
    const urls = await until(
      () =>
        ext.inExtension(async () =>
          (await chrome.tabs.query({})).map((tab) => tab.url ?? ""),
        ),
      (list) => list.some((u) => u.includes("trade.taobao.com")),
    );
    expect(urls.some((u) => u.includes("/paynudge-demo/"))).toBe(false);
    // Given time to badge (the platform page was badged above), the demo shop stays untouched.
    await local.waitForTimeout(2_000);
    expect(await local.locator("[data-paynudge-order]").count()).toBe(0);
  });
});

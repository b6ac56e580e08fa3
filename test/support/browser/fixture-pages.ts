import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { hostRoutes, selfSignedTls } from "../../../demo/server.mjs";
import {
  ALL_HOURS,
  putSettings,
  startExtension,
  startServer,
  type Extension,
} from "@/test/support/browser/harness";

const FIXTURES = join(__dirname, "../../fixtures/platforms");

/** A saved platform page (test/fixtures/platforms), read each time it is served. */
export const fixture = (name: string) => (): string =>
  readFileSync(join(FIXTURES, name), "utf8");

/**
 * For one e2e file: these pages (host and path → HTML) served on their real URLs over HTTPS, and
 * real Chromium with the built extension, every hour allowed and no soft window (the states the
 * tests assert must not depend on the clock). Answers the running extension.
 */
export function onRealUrls(
  pages: Record<string, () => string>,
): () => Extension {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let ext: Extension | undefined;
  beforeAll(async () => {
    server = await startServer({
      tls: await selfSignedTls(),
      routes: [hostRoutes(pages)],
    });
    ext = await startExtension({ hostMap: server.port });
    await putSettings(await ext.extPage(), ALL_HOURS);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  return () => {
    if (!ext) throw new Error("the extension has not started");
    return ext;
  };
}

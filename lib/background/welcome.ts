import { browser } from "wxt/browser";
import { hasSeenAnyOrder } from "@/lib/db/orders-ever";
import type { PayNudgeDB } from "@/lib/db/schema";

/** The first run's page (entrypoints/welcome), also linked from the options page. */
const WELCOME_PAGE = "/welcome.html";

/**
 * Whether this onInstalled should open the welcome page, noting it shown in the same transaction.
 * The database decides, not the event: Chromium fires onInstalled ("install") on every launch of an
 * unpacked build, and a profile must see the page once. An update of a version without it shows it
 * only to a profile where PayNudge has not seen an order yet: an agent already at work needs no
 * introduction. Chrome's own updates and shared modules say nothing about PayNudge.
 */
export async function claimWelcome(
  db: PayNudgeDB,
  reason: string,
  now: number,
): Promise<boolean> {
  if (reason !== "install" && reason !== "update") return false;
  return db.transaction("rw", [db.settings, db.orders], async () => {
    if ((await db.settings.get("welcomeShownAt")) !== undefined) return false;
    await db.settings.put({ key: "welcomeShownAt", value: now });
    return reason === "install" || !(await hasSeenAnyOrder(db));
  });
}

/** Opens the welcome page in a tab when this profile has never been shown it. */
export async function openWelcomeOnce(
  db: PayNudgeDB,
  reason: string,
  now: number,
): Promise<void> {
  if (await claimWelcome(db, reason, now))
    await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

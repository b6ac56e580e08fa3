import { browser } from "wxt/browser";
import { composeContext } from "@/lib/background/compose-context";
import type { PayNudgeDB } from "@/lib/db/schema";
import { todayQueue } from "@/lib/db/queue";
import { pickLocale, t } from "@/lib/i18n";
import {
  OFFSCREEN_COPY,
  type OffscreenCopy,
} from "@/lib/messaging/offscreen-copy";
import { bestMessage } from "@/lib/templates/render";
import { workspacePath } from "@/lib/background/workspace";

/*
 * The keyboard shortcuts (the manifest's `commands`, set in chrome://extensions/shortcuts): open the
 * workspace beside the current tab, and copy the message of the next order due, so an agent who
 * works from the keyboard never needs the mouse for the day's routine.
 */

export const COMMANDS = {
  openWorkspace: "open-workspace",
  copyNextDue: "copy-next-due",
} as const;

/** Opens the side panel beside the tab: called at once in the command's listener (its gesture). */
export function openWorkspaceFor(tab: chrome.tabs.Tab | undefined): void {
  const panel = (browser as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (!panel || tab?.id === undefined) return;
  void panel
    .setOptions({ tabId: tab.id, path: workspacePath(), enabled: true })
    .catch((error: unknown) => console.error("PayNudge workspace", error));
  void panel
    .open({ tabId: tab.id })
    .catch((error: unknown) => console.error("PayNudge workspace", error));
}

/** The order to nudge next: the longest overdue, else the first due now. */
export async function nextDueKey(
  db: PayNudgeDB,
  now: number,
): Promise<string | undefined> {
  const groups = await todayQueue(db, now, { limit: 1, counts: false });
  for (const id of ["overdue", "due"] as const) {
    const first = groups.find((g) => g.id === id)?.orders[0];
    if (first) return first.key;
  }
  return undefined;
}

async function copyOffscreen(text: string): Promise<boolean> {
  const offscreen = (browser as { offscreen?: typeof chrome.offscreen })
    .offscreen;
  if (!offscreen) return false;
  if (!(await offscreen.hasDocument()))
    await offscreen.createDocument({
      url: "offscreen.html",
      reasons: ["CLIPBOARD"],
      justification: "Copy the next due nudge message on the agent's shortcut",
    });
  const message: OffscreenCopy = { type: OFFSCREEN_COPY, text };
  const reply = (await browser.runtime.sendMessage(message)) as
    { copied?: boolean } | undefined;
  return reply?.copied === true;
}

/**
 * Copies the next due order's best message and says so in a notification (whose buyer, or that
 * nothing is due): the agent pastes it into the chat they have open.
 */
export async function copyNextDue(db: PayNudgeDB, now: number): Promise<void> {
  const locale = pickLocale(navigator.languages);
  const key = await nextDueKey(db, now);
  let text: string;
  if (!key) text = t(locale, "shortcut.nothingDue");
  else {
    const context = await composeContext(db, key, now);
    const copied = await copyOffscreen(bestMessage(context).text);
    text = copied
      ? t(locale, "shortcut.copied", {
          buyer: context.order.buyer ?? t(locale, "unknown.buyer"),
        })
      : t(locale, "shortcut.copyFailed");
  }
  await browser.notifications.create("paynudge-shortcut", {
    type: "basic",
    iconUrl: browser.runtime.getURL("/icon/128.png"),
    title: t(locale, "shortcut.title"),
    message: text,
  });
}

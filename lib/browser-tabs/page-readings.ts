import { browser } from "wxt/browser";
import { READING_KEY, type FrameReading } from "@/lib/model/page-reading";

/*
 * Asks every frame of a tab what PayNudge reads there. The order script leaves its reading in the
 * extension's isolated world (lib/page/orders-script.ts); chrome.scripting runs a function in that
 * same world, where the page can neither see nor answer it, so no message listener is opened in the
 * page for it.
 */

/** A frame's reading, with the frame it came from (teaching starts there). */
export type FrameOfTab = FrameReading & { frameId: number };

/** How asking went: the frames' readings, or why there are none. */
export type TabReadings =
  | { kind: "read"; frames: FrameOfTab[] }
  /** PayNudge does not run on this tab's page (no permission, or not an order page). */
  | { kind: "notHere" };

/** The tab the popup was opened over: `?tab=` names it when the popup runs in a tab of its own. */
export async function targetTab(tabId?: number): Promise<number | undefined> {
  if (tabId !== undefined) return tabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function readingsOfTab(tabId?: number): Promise<TabReadings> {
  const target = await targetTab(tabId);
  if (target === undefined) return { kind: "notHere" };
  let results;
  try {
    results = await browser.scripting.executeScript({
      target: { tabId: target, allFrames: true },
      args: [READING_KEY],
      // Runs in the frame: self-contained, it reaches nothing of this module.
      func: (key: string) => {
        const reading = (globalThis as Record<symbol, unknown>)[
          Symbol.for(key)
        ];
        return typeof reading === "function" ? (reading() as unknown) : null;
      },
    });
  } catch {
    // No host permission for the page (another site, a browser page): PayNudge is not there.
    return { kind: "notHere" };
  }
  const frames = results.flatMap(({ result, frameId }) =>
    result ? [{ ...(result as FrameReading), frameId }] : [],
  );
  return frames.length ? { kind: "read", frames } : { kind: "notHere" };
}

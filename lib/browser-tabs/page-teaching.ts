import { browser } from "wxt/browser";
import { TEACH_KEY, type TeachState } from "@/lib/model/teaching";
import { targetTab } from "@/lib/browser-tabs/page-readings";

/*
 * Teaching a tab's page from the popup: starting it, reading how far it went (the reader derived,
 * and what it would read), ending it. As the page readings (page-readings.ts), through
 * chrome.scripting in the extension's isolated world, where the order script keeps its teaching
 * slot and the page can neither see nor answer it. The top frame only: that is where the seller
 * clicks the bar's buttons, and where an order list is taught.
 */

type Call = "start" | "state" | "finish";

/** The slot's answer; undefined when PayNudge does not run on the tab's page (or its top frame). */
async function callSlot(
  call: Call,
  tabId?: number,
): Promise<TeachState | null | undefined> {
  const target = await targetTab(tabId);
  if (target === undefined) return undefined;
  let results;
  try {
    results = await browser.scripting.executeScript({
      target: { tabId: target, frameIds: [0] },
      args: [TEACH_KEY, call],
      // Runs in the frame: self-contained, it reaches nothing of this module.
      func: (key: string, name: string) => {
        const slot = (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
        if (typeof slot !== "object" || slot === null) return undefined;
        const fn = (slot as Record<string, unknown>)[name];
        if (typeof fn !== "function") return undefined;
        // A structured-clone copy goes back: the state holds plain data only.
        return (fn.call(slot) as unknown) ?? null;
      },
    });
  } catch {
    return undefined;
  }
  const result = results[0]?.result as TeachState | null | undefined;
  return result;
}

/** Starts teaching on the tab's page: false when PayNudge does not run there. */
export async function startTeachingIn(tabId?: number): Promise<boolean> {
  return (await callSlot("start", tabId)) != null;
}

/** How far teaching went on the tab's page; null when it is not being taught. */
export async function teachingIn(tabId?: number): Promise<TeachState | null> {
  return (await callSlot("state", tabId)) ?? null;
}

/** Ends teaching on the tab's page (the reader was saved, or the seller gave up). */
export async function finishTeachingIn(tabId?: number): Promise<void> {
  await callSlot("finish", tabId);
}

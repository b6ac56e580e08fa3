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

/** Teaching as one frame of the tab has it. */
export interface FrameTeaching {
  frameId: number;
  state: TeachState;
}

/**
 * Each frame's answer (`frameIds`, or every frame); none when PayNudge does not run on the tab's
 * page. A frame without the order script answers nothing.
 */
async function callSlot(
  call: Call,
  tabId: number | undefined,
  frameIds?: number[],
): Promise<{ frameId: number; state: TeachState | null }[]> {
  const target = await targetTab(tabId);
  if (target === undefined) return [];
  let results;
  try {
    results = await browser.scripting.executeScript({
      target: frameIds
        ? { tabId: target, frameIds }
        : { tabId: target, allFrames: true },
      args: [TEACH_KEY, call],
      // Runs in the frame: self-contained, it reaches nothing of this module.
      func: (key: string, name: string) => {
        const slot = (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
        if (typeof slot !== "object" || slot === null) return undefined;
        const fn = (slot as Record<string, unknown>)[name];
        if (typeof fn !== "function") return undefined;
        // A structured-clone copy goes back: the state holds plain data only.
        return { state: (fn.call(slot) as unknown) ?? null };
      },
    });
  } catch {
    return [];
  }
  return results.flatMap(({ result, frameId }) =>
    result
      ? [{ frameId, state: (result as { state: TeachState | null }).state }]
      : [],
  );
}

/** Starts teaching in one frame of the tab's page: false when PayNudge does not run there. */
export async function startTeachingIn(
  tabId: number | undefined,
  frameId: number,
): Promise<boolean> {
  const [answer] = await callSlot("start", tabId, [frameId]);
  return answer?.state != null;
}

/** The frame of the tab's page being taught, and how far it went; null when none is. */
export async function teachingIn(
  tabId?: number,
): Promise<FrameTeaching | null> {
  const frames = await callSlot("state", tabId);
  const taught = frames.flatMap(({ frameId, state }) =>
    state ? [{ frameId, state }] : [],
  );
  // The furthest along, should the seller have started in two frames.
  return taught.find(({ state }) => state.step === "done") ?? taught[0] ?? null;
}

/** Ends teaching on the tab's page, in every frame (the reader was saved, or the seller gave up). */
export async function finishTeachingIn(tabId?: number): Promise<void> {
  await callSlot("finish", tabId);
}

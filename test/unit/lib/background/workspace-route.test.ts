import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { registerRoutes } from "@/lib/background/routes";
import type { MessageSender } from "@/lib/background/senders";
import { workspacePath } from "@/lib/background/workspace";
import { PayNudgeDB } from "@/lib/db/schema";
import { contentScript, extensionPage } from "@/test/support/senders";

/*
 * A badge's click opens the workspace (the side panel) on its order: the request is answered in
 * the browser's own listener, the side panel's calls made before anything is awaited (the click
 * counts as a gesture only while the listener runs); only the order script may ask, for its tab.
 */

const optionsPage = () => extensionPage("options.html");

type Listener = (
  message: unknown,
  sender: MessageSender,
  respond: (reply: unknown) => void,
) => boolean | undefined;

let listeners: Listener[];
let calls: string[];

beforeEach(() => {
  calls = [];
});

// Once: the messenger allows one listener per request in a context.
beforeAll(() => {
  fakeBrowser.reset();
  listeners = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, "addListener").mockImplementation(
    ((fn: Listener) => void listeners.push(fn)) as never,
  );
  (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = {
    setOptions: vi.fn(async (o: { tabId: number; path: string }) => {
      calls.push(`setOptions ${o.tabId} ${o.path}`);
    }),
    open: vi.fn(async (o: { tabId: number }) => {
      calls.push(`open ${o.tabId}`);
    }),
  };
  registerRoutes(new PayNudgeDB(`routes-${crypto.randomUUID()}`));
});

/** Sends through every registered listener; what the one that answered said, and whether at once. */
function send(message: unknown, sender: MessageSender) {
  let reply: unknown;
  const done = new Promise<unknown>((resolve) => {
    for (const listener of listeners)
      listener(message, sender, (r) => {
        reply = r;
        resolve(r);
      });
  });
  return { done, callsAtOnce: [...calls], replied: () => reply };
}

describe("opening the workspace on an order", () => {
  it("opens the side panel of the asking tab on the order, both calls made before anything is awaited", async () => {
    const key = "taobao:3905123456789012345";
    const sent = send(
      { id: 1, type: "openWorkspace", data: { key }, timestamp: 1 },
      contentScript(),
    );
    expect(sent.callsAtOnce).toEqual([
      `setOptions 3 ${workspacePath(key)}`,
      "open 3",
    ]);
    expect(await sent.done).toEqual({ res: undefined });
    expect(workspacePath(key)).toBe(
      "sidepanel.html?order=taobao%3A3905123456789012345",
    );
  });

  it("refuses an extension page and a malformed order, opening nothing", async () => {
    const fromPage = send(
      { id: 2, type: "openWorkspace", data: { key: "taobao:1" }, timestamp: 1 },
      optionsPage(),
    );
    expect(await fromPage.done).toMatchObject({
      err: { message: expect.stringMatching(/refused/) },
    });
    const malformed = send(
      { id: 3, type: "openWorkspace", data: { key: 42 }, timestamp: 1 },
      contentScript(),
    );
    expect(await malformed.done).toHaveProperty("err");
    expect(calls).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";

/*
 * Granted sites ↔ content-script registrations, against a small in-memory stand-in for Chrome's
 * permissions and scripting APIs (the real prompt needs a user gesture; see the e2e notes).
 */
const state = vi.hoisted(() => ({
  origins: [] as string[],
  scripts: new Map<string, { id: string; matches: string[]; js: string[] }>(),
  added: [] as (() => void)[],
  removed: [] as (() => void)[],
  answer: true,
}));

// The manifest's own host permissions: the platforms' whole hosts (wxt.config.ts).
const REQUIRED = ["https://mms.pinduoduo.com/*", "https://shop.jd.com/*"];

vi.mock("wxt/browser", () => ({
  browser: {
    runtime: { getManifest: () => ({ host_permissions: REQUIRED }) },
    permissions: {
      getAll: async () => ({ origins: [...state.origins], permissions: [] }),
      request: async ({ origins }: { origins: string[] }) => {
        if (state.answer) state.origins.push(...origins);
        return state.answer;
      },
      remove: async ({ origins }: { origins: string[] }) => {
        state.origins = state.origins.filter((o) => !origins.includes(o));
        return true;
      },
      onAdded: {
        addListener: (f: () => void) => state.added.push(f),
        removeListener: (f: () => void) =>
          (state.added = state.added.filter((g) => g !== f)),
      },
      onRemoved: {
        addListener: (f: () => void) => state.removed.push(f),
        removeListener: (f: () => void) =>
          (state.removed = state.removed.filter((g) => g !== f)),
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        [...state.scripts.values()].filter((s) => ids.includes(s.id)),
      registerContentScripts: async (
        list: { id: string; matches: string[]; js: string[] }[],
      ) => {
        for (const s of list) {
          if (state.scripts.has(s.id)) throw new Error("duplicate id");
          state.scripts.set(s.id, s);
        }
      },
      updateContentScripts: async (
        list: { id: string; matches: string[]; js: string[] }[],
      ) => {
        for (const s of list)
          state.scripts.set(s.id, { ...state.scripts.get(s.id)!, ...s });
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.forEach((id) => state.scripts.delete(id)),
    },
  },
}));

const sites = await import("@/lib/background/granted-sites");

beforeEach(() => {
  // Chrome lists the manifest's host permissions and content-script hosts among the granted origins.
  state.origins = [
    ...REQUIRED,
    "https://trade.taobao.com/trade/itemlist/list_sold_items*",
  ];
  state.scripts.clear();
  state.answer = true;
});

describe("granted sites", () => {
  it("granting a site registers the order script there; revoking unregisters it", async () => {
    expect(await sites.grantSite("https://erp.example.com/orders?page=2")).toBe(
      true,
    );
    expect(await sites.grantedSites()).toEqual(["https://erp.example.com/*"]);
    expect(state.scripts.get(sites.GRANTED_SCRIPT_ID)).toMatchObject({
      matches: ["https://erp.example.com/*"],
      js: ["orders.js"],
    });
    await sites.grantSite("http://shop.local:8080/");
    expect(state.scripts.get(sites.GRANTED_SCRIPT_ID)!.matches).toEqual([
      "http://shop.local/*",
      "https://erp.example.com/*",
    ]);
    await sites.revokeSite("https://erp.example.com");
    expect(state.scripts.get(sites.GRANTED_SCRIPT_ID)!.matches).toEqual([
      "http://shop.local/*",
    ]);
    await sites.revokeSite("http://shop.local");
    expect(state.scripts.has(sites.GRANTED_SCRIPT_ID)).toBe(false);
  });

  it("a refused prompt registers nothing; non-web origins are refused outright", async () => {
    state.answer = false;
    expect(await sites.grantSite("https://erp.example.com")).toBe(false);
    expect(state.scripts.size).toBe(0);
    state.answer = true;
    expect(await sites.grantSite("chrome://extensions")).toBe(false);
    expect(await sites.grantSite("not a url")).toBe(false);
  });

  it("never every page: broad grants are ignored; the background follows permission changes", async () => {
    const controller = new AbortController();
    sites.watchGrantedSites(controller.signal);
    state.origins.push("https://*/*", "https://erp.example.com/*");
    state.added.forEach((f) => f());
    await vi.waitFor(() =>
      expect(state.scripts.get(sites.GRANTED_SCRIPT_ID)?.matches).toEqual([
        "https://erp.example.com/*",
      ]),
    );
    state.origins = state.origins.filter(
      (o) => o !== "https://erp.example.com/*",
    );
    state.removed.forEach((f) => f());
    await vi.waitFor(() =>
      expect(state.scripts.has(sites.GRANTED_SCRIPT_ID)).toBe(false),
    );
    controller.abort();
    expect(state.added.length + state.removed.length).toBe(0);
  });

  it("never registers the script on a platform's whole host, which the manifest's own host permission names", async () => {
    expect(await sites.syncGrantedSites()).toEqual([]);
    expect(state.scripts.has(sites.GRANTED_SCRIPT_ID)).toBe(false);
    state.origins.push("https://erp.example.com/*");
    expect(await sites.syncGrantedSites()).toEqual([
      "https://erp.example.com/*",
    ]);
  });
});

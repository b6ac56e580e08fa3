import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { OptionsApp } from "@/components/options/OptionsApp";
import { SECTION_IDS } from "@/components/options/sections";

/*
 * The options page whole (issue 15): its sections behind a navigation whose entry for the section
 * the address names is current, and unsaved edits marked on the section and its entry and guarded
 * against leaving. The database is fake-indexeddb; the background answers nothing here.
 */

vi.mock("@/components/options/requests", async (original) => ({
  ...(await original<typeof import("@/components/options/requests")>()),
  syncGrantedSites: async () => [],
}));

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(navigator, "languages", "get").mockReturnValue(["zh-CN"]);
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  history.replaceState(null, "", "/");
});

/** The page reads its database before its forms appear: slow on a busy machine. */
const WAIT = { timeout: 5000 };

const nav = () => screen.getByRole("navigation", { name: "设置分区" });
const link = (id: string) =>
  nav().querySelector(`a[data-nav="${id}"]`) as HTMLAnchorElement;

/** Whether leaving the page now would be stopped by the page's guard. */
function leaveIsGuarded(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe("options page: sections and navigation", () => {
  it("lists every section as a link to its anchor, the one the address names current", async () => {
    history.replaceState(null, "", "/options.html#plan");
    render(<OptionsApp />);
    expect(
      [...nav().querySelectorAll("a")].map((a) => a.getAttribute("href")),
    ).toEqual(SECTION_IDS.map((id) => `#${id}`));
    expect([...nav().querySelectorAll("a")].map((a) => a.textContent)).toEqual([
      "催付报告",
      "常规",
      "催付计划",
      "催付话术",
      "平台与网站",
      "团队",
      "数据",
    ]);
    expect(link("plan").getAttribute("aria-current")).toBe("location");
    expect(link("report").hasAttribute("aria-current")).toBe(false);
    // Every section is an anchor on the page.
    for (const id of SECTION_IDS)
      expect(document.getElementById(id)?.tagName).toBe("SECTION");
    // The taught pages live under platforms and sites, the retention under data.
    await waitFor(
      () =>
        expect(
          within(document.getElementById("sites")!).getByRole("region", {
            name: "教过的页面",
          }),
        ).toBeTruthy(),
      WAIT,
    );
    await waitFor(
      () =>
        expect(
          document.querySelector('#data input[name="retentionDays"]'),
        ).not.toBeNull(),
      WAIT,
    );

    // Another hash (a link, the back button): the current entry follows.
    history.replaceState(null, "", "/options.html#report");
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await waitFor(() =>
      expect(link("report").getAttribute("aria-current")).toBe("location"),
    );
    expect(link("plan").hasAttribute("aria-current")).toBe(false);
  });

  it("scrolls to the section the address names once the sections have their content", async () => {
    history.replaceState(null, "", "/options.html#data");
    const scrolled: string[] = [];
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (
      this: Element,
    ) {
      scrolled.push(this.id);
    });
    render(<OptionsApp />);
    await waitFor(() => expect(scrolled).toEqual(["data"]), { timeout: 5000 });
    // The jump is made after the forms above it were drawn.
    expect(document.querySelector("#plan form")).not.toBeNull();
  });

  it("marks unsaved edits on the section and its link, and guards leaving until they are undone", async () => {
    render(<OptionsApp />);
    const name = (await waitFor(() => {
      const input = document.querySelector('input[name="agentName"]');
      expect(input).not.toBeNull();
      return input;
    }, WAIT)) as HTMLInputElement;
    expect(leaveIsGuarded()).toBe(false);
    expect(screen.queryByTestId("unsaved-general")).toBeNull();

    fireEvent.change(name, { target: { value: "阿华" } });
    expect(screen.getByTestId("unsaved-general").textContent).toBe(
      "未保存的修改",
    );
    expect(link("general").textContent).toContain("未保存的修改");
    expect(link("plan").textContent).not.toContain("未保存的修改");
    expect(leaveIsGuarded()).toBe(true);

    // Typed back to what is stored: nothing to lose any more.
    fireEvent.change(name, { target: { value: "" } });
    expect(screen.queryByTestId("unsaved-general")).toBeNull();
    expect(leaveIsGuarded()).toBe(false);

    // The plan form reports its own edits.
    const highValue = (await waitFor(() => {
      const input = document.querySelector('input[name="highValue"]');
      expect(input).not.toBeNull();
      return input;
    }, WAIT)) as HTMLInputElement;
    fireEvent.change(highValue, { target: { value: "999" } });
    expect(screen.getByTestId("unsaved-plan")).toBeTruthy();
    expect(link("plan").textContent).toContain("未保存的修改");
    expect(leaveIsGuarded()).toBe(true);
  });
});

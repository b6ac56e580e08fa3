import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { patternFor, SitesSection } from "@/components/options/SitesSection";

afterEach(cleanup);

function setup(overrides: Partial<Parameters<typeof SitesSection>[0]> = {}) {
  const props = {
    locale: "zh" as const,
    enabledPlatforms: { pdd: false },
    sites: ["https://shop.example.com/*"],
    onSetPlatform: vi.fn(async () => undefined),
    onGrant: vi.fn(async () => true),
    onRevoke: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<SitesSection {...props} />);
  const section = screen.getByRole("region", { name: "平台与网站" });
  const box = (name: string) =>
    section.querySelector(`[name="${name}"]`) as HTMLInputElement;
  return { props, section, box };
}

describe("options: sites", () => {
  it("turns patterns out of what the seller types, refusing what is not a site", () => {
    expect(patternFor("https://shop.example.com/admin/orders?x=1")).toBe(
      "https://shop.example.com/*",
    );
    expect(patternFor(" erp.example.cn ")).toBe("https://erp.example.cn/*");
    expect(patternFor("http://localhost:5178/orders")).toBe(
      "http://localhost/*",
    );
    expect(patternFor("ftp://example.com")).toBeUndefined();
    expect(patternFor("not a site")).toBeUndefined();
    expect(patternFor("https://*.example.com")).toBeUndefined();
    expect(patternFor("")).toBeUndefined();
  });

  it("shows the platforms on and off and switches one", async () => {
    const { box, props, section } = setup();
    expect(box("platform-taobao").checked).toBe(true);
    expect(box("platform-pdd").checked).toBe(false);
    expect(box("platform-generic")).toBeNull();
    fireEvent.click(box("platform-jd"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "京东 已停用",
      ),
    );
    expect(props.onSetPlatform).toHaveBeenCalledWith("jd", false);
    fireEvent.click(box("platform-pdd"));
    await waitFor(() =>
      expect(props.onSetPlatform).toHaveBeenLastCalledWith("pdd", true),
    );
  });

  it("grants a site from the click, and says so", async () => {
    const { box, props, section } = setup();
    fireEvent.change(box("site"), {
      target: { value: "https://erp.example.cn/orders" },
    });
    fireEvent.click(within(section).getByText("添加网站"));
    // Asked inside the click itself: the browser shows its prompt only on a user gesture.
    expect(props.onGrant).toHaveBeenCalledWith("https://erp.example.cn/*");
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "已添加：https://erp.example.cn",
      ),
    );
    expect(box("site").value).toBe("");
  });

  it("says when the browser refused the permission", async () => {
    const { box, section } = setup({ onGrant: vi.fn(async () => false) });
    fireEvent.change(box("site"), { target: { value: "erp.example.cn" } });
    fireEvent.click(within(section).getByText("添加网站"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "没有获得 https://erp.example.cn 的权限，未添加。",
      ),
    );
    expect(within(section).getByRole("status").className).toContain("error");
    expect(box("site").value).toBe("erp.example.cn");
  });

  it("refuses an address that is not a site, in place, without asking the browser", () => {
    const { box, props, section } = setup();
    fireEvent.change(box("site"), {
      target: { value: "ftp://files.example.com" },
    });
    fireEvent.click(within(section).getByText("添加网站"));
    expect(within(section).getByRole("alert").textContent).toBe(
      "请输入以 http:// 或 https:// 开头的网站地址",
    );
    expect(box("site").getAttribute("aria-invalid")).toBe("true");
    expect(props.onGrant).not.toHaveBeenCalled();
    fireEvent.change(box("site"), { target: { value: "shop.example.com" } });
    expect(within(section).queryByRole("alert")).toBeNull();
  });

  it("lists granted sites and revokes one", async () => {
    const { props, section } = setup();
    const item = section.querySelector(
      '[data-site="https://shop.example.com/*"]',
    ) as HTMLElement;
    expect(item.textContent).toContain("https://shop.example.com");
    fireEvent.click(within(item).getByText("移除"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "已移除：https://shop.example.com",
      ),
    );
    expect(props.onRevoke).toHaveBeenCalledWith("https://shop.example.com/*");
  });

  it("says when no site was added, in English", () => {
    render(
      <SitesSection
        locale="en"
        enabledPlatforms={{}}
        sites={[]}
        onSetPlatform={async () => undefined}
        onGrant={async () => true}
        onRevoke={async () => undefined}
      />,
    );
    expect(screen.getByText("No other site added yet.")).toBeTruthy();
    expect((screen.getByLabelText("Shopify") as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

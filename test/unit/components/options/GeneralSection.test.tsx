import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataSection } from "@/components/options/DataSection";
import { GeneralSection } from "@/components/options/GeneralSection";

afterEach(cleanup);

const TABLES = ["orders", "nudges", "settings"];
const backupFile = (content: unknown) =>
  new File(
    [typeof content === "string" ? content : JSON.stringify(content)],
    "backup.json",
    { type: "application/json" },
  );
const VALID = {
  format: "paynudge-backup",
  version: 1,
  exportedAt: 1,
  tables: { orders: [], nudges: [], settings: [] },
};

function dataSection(
  overrides: Partial<Parameters<typeof DataSection>[0]> = {},
) {
  const props = {
    locale: "zh" as const,
    tableNames: TABLES,
    onExportJson: vi.fn(async () => undefined),
    onExportCsv: vi.fn(async () => undefined),
    onImport: vi.fn(async () => ({
      counts: { orders: 3, nudges: 2, settings: 1 },
      recheckFailed: false,
    })),
    onWipe: vi.fn(async () => undefined),
    confirm: vi.fn(() => true),
    ...overrides,
  };
  render(<DataSection {...props} />);
  return props;
}

describe("options: general", () => {
  it("saves the agent nickname and shop names", async () => {
    const onSave = vi.fn(async () => undefined);
    render(
      <GeneralSection
        locale="zh"
        initial={{ agentName: "阿华", shopNames: { jd: "京东旗舰" } }}
        onSave={onSave}
      />,
    );
    expect(
      (screen.getByLabelText("客服昵称（写入备注和话术）") as HTMLInputElement)
        .value,
    ).toBe("阿华");
    fireEvent.change(screen.getByLabelText("客服昵称（写入备注和话术）"), {
      target: { value: " 小美 " },
    });
    fireEvent.change(screen.getByLabelText("淘宝/天猫"), {
      target: { value: "暖暖小铺" },
    });
    fireEvent.click(screen.getByText("保存"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("已保存"),
    );
    expect(onSave).toHaveBeenCalledWith({
      agentName: "小美",
      shopNames: { jd: "京东旗舰", taobao: "暖暖小铺" },
      panelPlace: "workspace",
      attributionHours: 72,
    });
  });

  it("saves the report's attribution window in whole hours, and refuses one out of bounds", async () => {
    const onSave = vi.fn(async () => undefined);
    render(
      <GeneralSection
        locale="zh"
        initial={{ shopNames: {}, attributionHours: 24 }}
        onSave={onSave}
      />,
    );
    const field = screen.getByLabelText(
      "挽回归因时长（小时）",
    ) as HTMLInputElement;
    expect(field.value).toBe("24");
    for (const bad of ["0", "721", "1.5", "三天"]) {
      fireEvent.change(field, { target: { value: bad } });
      fireEvent.click(screen.getByText("保存"));
      await waitFor(() =>
        expect(screen.getByRole("status").textContent).toBe(
          "挽回归因时长请填 1 到 720 之间的整数小时。",
        ),
      );
      expect(field.getAttribute("aria-invalid")).toBe("true");
    }
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: "48" } });
    fireEvent.click(screen.getByText("保存"));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({ attributionHours: 48 }),
      ),
    );
  });

  it("saves where a badge's click shows the order: the side panel by default, or the page", async () => {
    const onSave = vi.fn(async () => undefined);
    render(
      <GeneralSection
        locale="zh"
        initial={{ shopNames: {}, panelPlace: "workspace" }}
        onSave={onSave}
      />,
    );
    const inPage = screen.getByLabelText(
      "在页面左侧的抽屉里打开催付面板（订单页让到右边）",
    );
    expect((inPage as HTMLInputElement).checked).toBe(false);
    fireEvent.click(inPage);
    fireEvent.click(screen.getByText("保存"));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({ panelPlace: "page" }),
      ),
    );
  });

  it("shows why saving failed", async () => {
    render(
      <GeneralSection
        locale="en"
        initial={{}}
        onSave={async () => Promise.reject(new Error("disk full"))}
      />,
    );
    fireEvent.click(screen.getByText("Save"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "Could not save: disk full",
      ),
    );
  });
});

describe("options: data", () => {
  it("imports a valid backup after confirmation and reports what was restored", async () => {
    const props = dataSection();
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [backupFile(VALID)] },
    });
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "已导入：3 个订单，2 条催付记录，1 项设置。",
      ),
    );
    expect(props.confirm).toHaveBeenCalled();
    expect(props.onImport).toHaveBeenCalledWith(VALID, expect.any(Function));
  });

  it.each([
    ["{not json", "文件不是 JSON 格式。"],
    [{ some: "thing" }, "这不是 PayNudge 的备份文件。"],
    [{ ...VALID, tables: { secrets: [] } }, "备份中有无法识别的数据表。"],
  ])(
    "refuses a malformed file in place, without sending anything",
    async (content, message) => {
      const props = dataSection();
      fireEvent.change(screen.getByTestId("import-file"), {
        target: { files: [backupFile(content)] },
      });
      await waitFor(() =>
        expect(screen.getByRole("status").textContent).toContain(message),
      );
      expect(screen.getByRole("status").textContent).toContain(
        "现有数据未改动",
      );
      expect(screen.getByRole("status").className).toContain("error");
      expect(props.onImport).not.toHaveBeenCalled();
    },
  );

  it("does nothing when the agent cancels the import", async () => {
    const props = dataSection({ confirm: vi.fn(() => false) });
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [backupFile(VALID)] },
    });
    await waitFor(() => expect(props.confirm).toHaveBeenCalled());
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it("deletes everything only after a second, explicit click", async () => {
    const props = dataSection();
    fireEvent.click(screen.getByText("删除全部数据"));
    expect(props.onWipe).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText("取消"));
    expect(screen.queryByText("确认删除")).toBeNull();
    fireEvent.click(screen.getByText("删除全部数据"));
    fireEvent.click(screen.getByText("确认删除"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("全部数据已删除。"),
    );
    expect(props.onWipe).toHaveBeenCalledTimes(1);
  });

  it("starts the exports", () => {
    const props = dataSection();
    fireEvent.click(screen.getByText("导出全部数据（JSON 备份）"));
    fireEvent.click(screen.getByText("导出催付记录（CSV）"));
    expect(props.onExportJson).toHaveBeenCalledTimes(1);
    expect(props.onExportCsv).toHaveBeenCalledTimes(1);
  });
});

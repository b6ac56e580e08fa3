import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  parseRetentionDays,
  RetentionForm,
} from "@/components/options/RetentionForm";

afterEach(cleanup);

const FIELD = "已结束订单保留天数";

function form(onSave = vi.fn(async (_days: number) => undefined)) {
  render(<RetentionForm locale="zh" initial={90} onSave={onSave} />);
  return onSave;
}

describe("options: retention", () => {
  it("shows the stored days and saves new ones", async () => {
    const onSave = form();
    const input = screen.getByLabelText(FIELD) as HTMLInputElement;
    expect(input.value).toBe("90");
    fireEvent.change(input, { target: { value: " 180 " } });
    fireEvent.click(screen.getByText("保存"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("已保存"),
    );
    expect(onSave).toHaveBeenCalledWith(180);
  });

  it.each(["30", "0", "-5", "90.5", "abc", "", "3651"])(
    "refuses %j with the bounds, sending nothing",
    async (value) => {
      const onSave = form();
      fireEvent.change(screen.getByLabelText(FIELD), { target: { value } });
      fireEvent.click(screen.getByText("保存"));
      expect((await screen.findByRole("alert")).textContent).toBe(
        "请输入 31–3650 之间的整数天数。",
      );
      expect(onSave).not.toHaveBeenCalled();
    },
  );

  it("says why saving failed", async () => {
    form(
      vi.fn(async () => {
        throw new Error("后台无响应");
      }),
    );
    fireEvent.click(screen.getByText("保存"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "保存失败：后台无响应",
      ),
    );
  });

  it("reads whole days within the bounds only", () => {
    expect(parseRetentionDays("31")).toBe(31);
    expect(parseRetentionDays("3650")).toBe(3650);
    expect(parseRetentionDays("1e3")).toBeUndefined();
    expect(parseRetentionDays("0x40")).toBeUndefined();
  });
});

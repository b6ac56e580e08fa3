import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WelcomeForm } from "@/components/welcome/WelcomeForm";

afterEach(cleanup);

describe("welcome page: nickname and shops", () => {
  it("saves the nickname and shop names, trimmed, through onSave and says so", async () => {
    const onSave = vi.fn(async () => undefined);
    render(<WelcomeForm locale="zh" initial={{}} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("客服昵称"), {
      target: { value: " 阿华 " },
    });
    fireEvent.change(screen.getByLabelText("淘宝/天猫"), {
      target: { value: "暖暖家居小铺 " },
    });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(/^已保存/),
    );
    expect(onSave).toHaveBeenCalledWith({
      agentName: "阿华",
      shopNames: { taobao: "暖暖家居小铺" },
    });
  });

  it("shows what is stored already, and a failed save with its reason", async () => {
    const onSave = vi.fn(async () => {
      throw new Error("名字太长");
    });
    render(
      <WelcomeForm
        locale="zh"
        initial={{ agentName: "小美", shopNames: { jd: "京东小店" } }}
        onSave={onSave}
      />,
    );
    expect(screen.getByLabelText<HTMLInputElement>("客服昵称").value).toBe(
      "小美",
    );
    expect(screen.getByLabelText<HTMLInputElement>("京东").value).toBe(
      "京东小店",
    );
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("没能保存：名字太长"),
    );
  });

  it("speaks English when the browser does", () => {
    render(<WelcomeForm locale="en" initial={{}} onSave={vi.fn()} />);
    expect(screen.getByLabelText("Agent nickname")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
  });
});

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NudgePanel, type NudgePanelProps } from "@/components/page/NudgePanel";
import type { StoredOrder } from "@/lib/model/order";
import { templatesFor } from "@/lib/templates/shipped";
import { trustedFire } from "@/test/support/trusted-events";

/* The outcome form inside the panel: 会付款 with a word, or a time the agent types instead. */

const NOW = new Date(2026, 10, 23, 15, 0).getTime();

const order: StoredOrder = {
  key: "taobao:3905120000000000007",
  platform: "taobao",
  orderId: "3905120000000000007",
  status: "unpaid",
  createdAt: new Date(2026, 10, 23, 14, 5).getTime(),
  buyer: "牛**",
  items: [{ title: "珊瑚绒四件套" }],
  pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 0,
};

afterEach(cleanup);

function setup() {
  const props: NudgePanelProps = {
    order,
    templates: templatesFor({ locale: "zh", scenario: "first" }),
    values: { shop: "暖暖小铺", buyer: "牛**", item: "珊瑚绒四件套" },
    locale: "zh",
    agent: "小美",
    step: "first",
    clock: () => NOW,
    onCopy: vi.fn(() => true),
    onLog: vi.fn(async () => ({ nudgeCount: 1 })),
    onCopyNote: vi.fn(),
  };
  const view = render(<NudgePanel {...props} />);
  const note = () =>
    view.container.querySelector("[data-paynudge-note]")!.textContent;
  return { props, note };
}

const timeField = () =>
  screen.queryByLabelText("或输入时间") as HTMLInputElement | null;
const wordField = () => screen.getByLabelText("预计付款") as HTMLSelectElement;
const logButton = () => screen.getByRole("button", { name: "记录本次催付" });

describe("a time the agent types", () => {
  it("is offered, labelled, only with 会付款", () => {
    setup();
    expect(timeField()).toBeNull();
    trustedFire.click(screen.getByLabelText("会付款"));
    expect(timeField()!.type).toBe("time");
    trustedFire.click(screen.getByLabelText("没有回应"));
    expect(timeField()).toBeNull();
  });

  it("is logged as HH:mm, and the note says it", async () => {
    const { props, note } = setup();
    trustedFire.click(screen.getByLabelText("会付款"));
    trustedFire.change(timeField()!, { target: { value: "21:30" } });
    expect(note()).toBe("11-23 15:00 小美 第1次 21:30付款");
    trustedFire.click(logButton());
    expect(props.onLog).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ outcome: "will-pay", when: "21:30" }),
    );
  });

  it("and a word are one answer or the other: each clears the other", () => {
    const { props, note } = setup();
    trustedFire.click(screen.getByLabelText("会付款"));
    trustedFire.change(wordField(), { target: { value: "evening" } });
    trustedFire.change(timeField()!, { target: { value: "09:05" } });
    expect(wordField().value).toBe("");
    expect(note()).toBe("11-23 15:00 小美 第1次 09:05付款");
    trustedFire.change(wordField(), { target: { value: "noon" } });
    expect(timeField()!.value).toBe("");
    expect(note()).toBe("11-23 15:00 小美 第1次 中午付款");
    trustedFire.click(logButton());
    expect(props.onLog).toHaveBeenCalledWith(
      expect.objectContaining({ when: "noon" }),
    );
  });

  it("half typed (the field's value is empty) says no time at all", () => {
    const { props, note } = setup();
    trustedFire.click(screen.getByLabelText("会付款"));
    trustedFire.change(timeField()!, { target: { value: "21:30" } });
    trustedFire.change(timeField()!, { target: { value: "" } });
    expect(note()).toBe("11-23 15:00 小美 第1次 答应付款");
    trustedFire.click(logButton());
    expect(props.onLog).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: "will-pay", when: undefined }),
    );
  });

  it("ignores a page script's change", () => {
    const { note } = setup();
    trustedFire.click(screen.getByLabelText("会付款"));
    // fireEvent is untrusted, as a page script's event is.
    fireEvent.change(timeField()!, { target: { value: "03:00" } });
    expect(note()).toBe("11-23 15:00 小美 第1次 答应付款");
  });
});

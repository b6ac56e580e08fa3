import { describe, expect, it } from "vitest";
import type { StoredOrder } from "@/lib/model/order";
import { formatNote } from "@/lib/templates/notes";
import {
  agentOrFallback,
  missingText,
  orderValues,
  renderTemplate,
  unknownVariables,
} from "@/lib/templates/render";

const order: StoredOrder = {
  key: "taobao:3905120000000000007",
  platform: "taobao",
  orderId: "3905120000000000007",
  status: "unpaid",
  createdAt: new Date(2026, 10, 23, 14, 5).getTime(),
  amountCents: 23900,
  currency: "CNY",
  buyer: "牛**",
  items: [{ title: "珊瑚绒四件套", attrs: "颜色分类：燕麦色" }],
  pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  firstSeenAt: 0,
  lastSeenAt: 0,
  nudgeCount: 0,
};

describe("template rendering", () => {
  it("fills every variable from the order and context", () => {
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    const values = orderValues(order, {
      now,
      locale: "zh",
      shopName: "暖暖小铺",
      agent: "阿华",
    });
    const { text, missing, unknown } = renderTemplate(
      "{{shop}}|{{buyer}}|{{item}}|{{attrs}}|{{orderTime}}|{{amount}}|{{timeLeft}}|{{agent}}",
      values,
      "zh",
    );
    // Taobao's default: 72 h to pay, so 71 h 5 min are left at 15:00.
    expect(text).toBe(
      "暖暖小铺|牛**|珊瑚绒四件套|颜色分类：燕麦色|11-23 14:05|¥239.00|2天23小时|阿华",
    );
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it("marks a variable without a value visibly instead of leaving it blank", () => {
    const result = renderTemplate(
      "您好{{buyer}}，我是{{agent}}",
      { buyer: "牛**" },
      "zh",
    );
    expect(result.text).toBe("您好牛**，我是【未填:客服】");
    expect(result.missing).toEqual(["agent"]);
    expect(renderTemplate("Hi {{agent}}", {}, "en").text).toBe(
      "Hi [missing: agent]",
    );
  });

  it("leaves unknown variables in place and reports them", () => {
    const result = renderTemplate(
      "{{buyer}} {{coupon}} {{ toString }}",
      { buyer: "A" },
      "zh",
    );
    expect(result.text).toBe("A {{coupon}} {{ toString }}");
    expect(result.unknown).toEqual(["coupon", "toString"]);
    expect(unknownVariables("{{buyer}}{{nope}}{{nope}}")).toEqual(["nope"]);
  });

  it("inserts values literally, even ones that look like markup or placeholders", () => {
    const result = renderTemplate(
      "{{buyer}}",
      { buyer: "<script>x</script>{{agent}}$&" },
      "zh",
    );
    expect(result.text).toBe("<script>x</script>{{agent}}$&");
  });

  it("has no time left once the order is past its close deadline", () => {
    const values = orderValues(order, {
      now: order.createdAt! + 73 * 3_600_000,
      locale: "zh",
    });
    expect(values.timeLeft).toBeUndefined();
  });
});

describe("a message without the agent's nickname", () => {
  it("says 客服 (customer service in English) as the note does, never a marker", () => {
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    for (const agent of [undefined, "", "  "]) {
      const zh = orderValues(order, { now, locale: "zh", agent });
      const en = orderValues(order, { now, locale: "en", agent });
      const rendered = renderTemplate("我是{{agent}}", zh, "zh");
      expect(rendered.text).toBe("我是客服");
      expect(rendered.missing).toEqual([]);
      expect(renderTemplate("I am {{agent}}", en, "en").text).toBe(
        "I am customer service",
      );
    }
    // One stand-in: the note's is the Chinese message's.
    expect(formatNote({ at: now, agent: "", count: 1 })).toContain(
      ` ${agentOrFallback(undefined, "zh")} 第1次`,
    );
  });

  it("keeps a nickname that is set", () => {
    expect(agentOrFallback("阿华", "zh")).toBe("阿华");
    expect(agentOrFallback("Sam", "en")).toBe("Sam");
  });
});

describe("naming the values a message is missing", () => {
  it("lists their labels in the agent's language", () => {
    expect(missingText("zh", ["shop", "payLink"])).toBe("店铺、付款链接");
    expect(missingText("en", ["shop", "payLink"])).toBe("shop, payment link");
  });

  it("keeps a name that is no variable as it came", () => {
    expect(missingText("zh", ["shop", "coupon"])).toBe("店铺、coupon");
  });
});

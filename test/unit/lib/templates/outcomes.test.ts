import { describe, expect, it } from "vitest";
import { formatNote, parseNotes } from "@/lib/templates/notes";
import {
  OUTCOME_IDS,
  OUTCOMES,
  REASON_IDS,
  REASONS,
  WHEN_IDS,
  channelFeedback,
  feedbackText,
  isOutcomeId,
  isPayWhenText,
  isReasonId,
  isWhenId,
} from "@/lib/templates/outcomes";

describe("outcomes and reasons", () => {
  it("lists the outcomes and the reason taxonomy from the practice", () => {
    expect(OUTCOME_IDS).toEqual([
      "will-pay",
      "payment-trouble",
      "not-wanted",
      "no-answer",
      "other",
    ]);
    expect(REASON_IDS).toEqual([
      "shipping-cost",
      "comparing",
      "balance",
      "coupon",
      "payment-method",
      "out-of-stock",
      "support-unreachable",
      "payment-security",
      "unfamiliar",
      "wrong-order",
      "bad-service",
      "other",
    ]);
  });

  it("labels every outcome and reason in both languages, with a suggested action", () => {
    for (const o of OUTCOME_IDS) {
      for (const field of [OUTCOMES[o].label, OUTCOMES[o].feedback])
        expect(field.zh && field.en, o).toBeTruthy();
    }
    for (const r of REASON_IDS) {
      const { label, short, action } = REASONS[r];
      for (const text of [
        label.zh,
        label.en,
        short.zh,
        short.en,
        action.zh,
        action.en,
      ])
        expect(text.length, r).toBeGreaterThan(1);
      expect(short.zh.length, r).toBeLessThanOrEqual(6);
    }
    // The table's advice: never a direct price cut for price-type reasons.
    expect(REASONS["shipping-cost"].action.zh).toContain("别直接降价");
    expect(REASONS["bad-service"].action.zh).toContain("换一位同事");
  });

  it("recognises ids from untrusted input", () => {
    expect(isOutcomeId("will-pay")).toBe(true);
    expect(isOutcomeId("toString")).toBe(false);
    expect(isReasonId("coupon")).toBe(true);
    expect(isReasonId(3)).toBe(false);
  });
});

describe("feedback for the order note", () => {
  it("says when a buyer will pay", () => {
    expect(feedbackText("will-pay", undefined, "evening")).toBe("晚上付款");
    expect(feedbackText("will-pay", undefined, "tomorrow")).toBe("明天付款");
    expect(feedbackText("will-pay")).toBe("答应付款");
    expect(
      feedbackText(
        "will-pay",
        "balance",
        new Date(2026, 10, 23, 20, 30).getTime(),
      ),
    ).toBe("20:30付款（余额不足）");
    // A time the agent typed reads as typed, in either language.
    expect(feedbackText("will-pay", undefined, "14:30")).toBe("14:30付款");
    expect(feedbackText("will-pay", "coupon", "09:05", "en")).toBe(
      "will pay 09:05 (waiting for coupon)",
    );
  });

  it("tells a word or a typed HH:mm from anything else", () => {
    for (const ok of [...WHEN_IDS, "00:00", "14:30", "23:59"])
      expect(isPayWhenText(ok), ok).toBe(true);
    for (const wrong of ["24:00", "9:30", "14:30:00", "soon", "toString", 5])
      expect(isPayWhenText(wrong), String(wrong)).toBe(false);
    expect(isWhenId("noon")).toBe(true);
    expect(isWhenId("14:30")).toBe(false);
  });

  it("names the outcome and, briefly, the reason", () => {
    expect(feedbackText("payment-trouble")).toBe("支付遇到问题");
    expect(feedbackText("payment-trouble", "payment-method")).toBe(
      "支付遇到问题（缺少支付方式）",
    );
    expect(feedbackText("not-wanted")).toBe("不想要了");
    expect(feedbackText("not-wanted", "shipping-cost")).toBe(
      "不想要了（嫌运费贵）",
    );
    expect(feedbackText("no-answer")).toBe("未回复");
    expect(feedbackText("payment-trouble", undefined, "evening")).toBe(
      "支付遇到问题",
    );
    expect(feedbackText("not-wanted", "comparing", undefined, "en")).toBe(
      "does not want it (comparing)",
    );
    expect(channelFeedback("sms")).toBe("已发短信");
  });

  it("gives feedback that survives the round trip through a memo", () => {
    for (const outcome of OUTCOME_IDS) {
      for (const reason of [undefined, ...REASON_IDS]) {
        for (const when of [undefined, ...WHEN_IDS, "07:45" as const]) {
          const feedback = feedbackText(outcome, reason, when);
          const at = new Date(2026, 10, 23, 14, 5).getTime();
          const [note] = parseNotes(
            `其他备注；${formatNote({ at, agent: "阿华", count: 2, feedback })}；更多`,
            at,
          );
          expect(note?.feedback).toBe(feedback);
        }
      }
    }
  });
});

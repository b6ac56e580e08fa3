import { describe, expect, it } from "vitest";
import { channelFeedback, feedbackText } from "@/lib/templates/outcomes";
import { formatNote } from "@/lib/templates/notes";
import { templatesFor } from "@/lib/templates/shipped";
import {
  noteFor,
  payWhen,
  templateLabel,
} from "@/components/page/nudge-panel/panel-logic";

/* The panel's pure parts: the standard note for what the agent chose, and the template names. */

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const note = { at: NOW, agent: "小美", count: 2, locale: "zh" as const };

describe("noteFor", () => {
  it("says which channel was used when the buyer's answer is not recorded", () => {
    expect(noteFor({ channel: "sms" }, note)).toBe(
      formatNote({ ...note, feedback: channelFeedback("sms", "zh") }),
    );
  });

  it("says what the buyer answered, with when they will pay only for 'will pay'", () => {
    expect(
      noteFor({ channel: "chat", outcome: "will-pay", when: "evening" }, note),
    ).toBe(
      formatNote({
        ...note,
        feedback: feedbackText("will-pay", undefined, "evening", "zh"),
      }),
    );
    expect(
      payWhen({ channel: "chat", outcome: "not-wanted", when: "evening" }),
    ).toBeUndefined();
  });
});

describe("templateLabel", () => {
  it("names the channel of a template that is not for chat", () => {
    const [chat] = templatesFor({ locale: "zh", scenario: "first" });
    expect(templateLabel(chat!, "zh")).toBe(chat!.name);
    expect(templateLabel({ ...chat!, channel: "sms" }, "zh")).toBe(
      `${chat!.name} · 短信`,
    );
  });
});

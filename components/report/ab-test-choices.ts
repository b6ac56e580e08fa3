import type { Locale } from "@/lib/i18n";
import type { StepScenario } from "@/lib/model/steps";
import { sameAudience } from "@/lib/templates/same-audience";
import type { MessageTemplate } from "@/lib/templates/shipped";

/*
 * The A/B card's pure part: which templates may face each other (lib/templates/same-audience.ts,
 * as the background requires), and how its numbers read.
 */

/** Templates B may be for A: the same scenario, language, channel and buyers, not A itself. */
export function partnersOf(
  templates: readonly MessageTemplate[],
  a: MessageTemplate | undefined,
): MessageTemplate[] {
  if (!a) return [];
  return templates.filter((tpl) => tpl.id !== a.id && sameAudience(a, tpl));
}

/** The scenario's templates that have a partner to face: the choices for A. */
export function choicesForA(
  templates: readonly MessageTemplate[],
  scenario: StepScenario,
): MessageTemplate[] {
  return templates.filter(
    (tpl) => tpl.scenario === scenario && partnersOf(templates, tpl).length > 0,
  );
}

/** A 0..1 rate as a percentage, one decimal. */
export function formatPercent(locale: Locale, rate: number): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A p-value as a statistician writes it: three decimals, "< 0.001" below. */
export function formatPValue(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

import {
  draftToWindows,
  minutesToText,
  textToMinutes,
  windowError,
  windowsToDraft,
  type WindowDraft,
} from "@/components/options/plan/windows-draft";
import type { EngineSettings, StepRule } from "@/lib/engine/settings";
import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import type { NudgeChannel, StepScenario } from "@/lib/model/steps";
import type { EngineSettingsPatch } from "@/lib/messaging/settings-requests";

/*
 * The nudge plan as the options form edits it: every number as the text the seller typed (minutes,
 * hours, yuan), checked by draftErrors and turned into the settings the background stores by
 * fromDraft.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The kinds of order a step may be limited to; "" is every order. */
export const STEP_ONLY = ["consulted", "silent", "high-value"] as const;
export const MAX_STEPS = 20;
export const MAX_PROMOTIONS = 50;

export interface StepDraft {
  id: string;
  scenario: StepScenario;
  channel: NudgeChannel;
  anchor: StepRule["anchor"];
  /** Minutes after the anchor. */
  offsetMin: string;
  only: "" | (StepRule["only"] & string);
  promo?: StepRule["promo"];
}

export interface PromotionDraft {
  /** `YYYY-MM-DD`, as a date input gives it. */
  from: string;
  to: string;
  label: string;
}

export interface PlanDraft {
  steps: StepDraft[];
  quietHours: WindowDraft[];
  phoneWindows: WindowDraft[];
  smsWindows: WindowDraft[];
  promotions: PromotionDraft[];
  /** The soft window (17:00–19:00 by default): on, and `HH:MM` from < to. */
  softOn: boolean;
  soft: WindowDraft;
  capCount: string;
  /** The buyer cap's window, in hours. */
  capHours: string;
  /** Yuan. */
  highValue: string;
  /** Hours after the order; "" when the platform's orders have no close deadline. */
  closeHours: Record<PlatformId, string>;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

export function toDraft(s: EngineSettings): PlanDraft {
  return {
    steps: s.steps.map((step) => ({
      id: step.id,
      scenario: step.scenario,
      channel: step.channel,
      anchor: step.anchor,
      offsetMin: num(step.offsetMs / MIN),
      only: step.only ?? "",
      promo: step.promo,
    })),
    quietHours: windowsToDraft(s.quietHours),
    phoneWindows: windowsToDraft(s.channelWindows.phone),
    smsWindows: windowsToDraft(s.channelWindows.sms),
    promotions: s.promotions.map((p) => ({
      from: p.from,
      to: p.to,
      label: p.label ?? "",
    })),
    softOn: s.softWindow.on,
    soft: {
      from: minutesToText(s.softWindow.from),
      to: minutesToText(s.softWindow.to),
    },
    capCount: String(s.buyerCap.count),
    capHours: num(s.buyerCap.windowMs / HOUR),
    highValue: num(s.highValueCents / 100),
    closeHours: Object.fromEntries(
      PLATFORM_IDS.map((p) => [
        p,
        s.closeAfterMs[p] === undefined ? "" : num(s.closeAfterMs[p]! / HOUR),
      ]),
    ) as Record<PlatformId, string>,
  };
}

/** A number of 0 or more typed by the seller; undefined when it is not one. */
function amount(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Every problem of the draft, by field name (the input's name), worded for the seller. */
export function draftErrors(
  d: PlanDraft,
  locale: Locale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.steps.length === 0) errors.steps = t(locale, "plan.err.noSteps");
  d.steps.forEach((step, i) => {
    const minutes = amount(step.offsetMin);
    if (minutes === undefined || minutes > 366 * 24 * 60)
      errors[`step-${i}-offset`] = t(locale, "plan.err.number");
  });
  for (const [name, list] of [
    ["quiet", d.quietHours],
    ["phone", d.phoneWindows],
    ["sms", d.smsWindows],
  ] as const) {
    list.forEach((w, i) => {
      const error = windowError(w, locale);
      if (error) errors[`${name}-${i}`] = error;
    });
  }
  d.promotions.forEach((p, i) => {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(p.from) ||
      !/^\d{4}-\d{2}-\d{2}$/.test(p.to) ||
      p.from > p.to
    ) {
      errors[`promo-${i}`] = t(locale, "plan.err.dates");
    }
  });
  const softError = windowError(d.soft, locale);
  if (softError) errors.soft = softError;
  else if (textToMinutes(d.soft.from)! > textToMinutes(d.soft.to)!)
    errors.soft = t(locale, "plan.err.softOrder");
  const count = amount(d.capCount);
  if (count === undefined || !Number.isInteger(count) || count > 100)
    errors.capCount = t(locale, "plan.err.count");
  const hours = amount(d.capHours);
  if (hours === undefined || hours > 366 * 24)
    errors.capHours = t(locale, "plan.err.number");
  if (amount(d.highValue) === undefined)
    errors.highValue = t(locale, "plan.err.number");
  for (const p of PLATFORM_IDS) {
    const text = d.closeHours[p].trim();
    const h = amount(text);
    if (text && (h === undefined || h > 366 * 24))
      errors[`close-${p}`] = t(locale, "plan.err.number");
  }
  return errors;
}

/** The settings a valid draft (no draftErrors) stands for, as the background stores them. */
export function fromDraft(
  d: PlanDraft,
  base: EngineSettings,
): EngineSettingsPatch {
  const channelWindows: EngineSettings["channelWindows"] = {
    ...base.channelWindows,
  };
  delete channelWindows.phone;
  delete channelWindows.sms;
  // No windows for a channel: it may be used at any (non-quiet) time.
  if (d.phoneWindows.length)
    channelWindows.phone = draftToWindows(d.phoneWindows);
  if (d.smsWindows.length) channelWindows.sms = draftToWindows(d.smsWindows);
  return {
    steps: d.steps.map((step) => {
      const rule: StepRule = {
        id: step.id,
        scenario: step.scenario,
        channel: step.channel,
        anchor: step.anchor,
        offsetMs: Math.round(Number(step.offsetMin) * MIN),
      };
      if (step.only) rule.only = step.only;
      if (step.promo) rule.promo = step.promo;
      return rule;
    }),
    quietHours: draftToWindows(d.quietHours),
    channelWindows,
    promotions: d.promotions.map((p) =>
      p.label.trim()
        ? { from: p.from, to: p.to, label: p.label.trim() }
        : { from: p.from, to: p.to },
    ),
    softWindow: {
      on: d.softOn,
      from: textToMinutes(d.soft.from)!,
      to: textToMinutes(d.soft.to)!,
    },
    buyerCap: {
      count: Number(d.capCount),
      windowMs: Math.round(Number(d.capHours) * HOUR),
    },
    highValueCents: Math.round(Number(d.highValue) * 100),
    closeAfterMs: Object.fromEntries(
      PLATFORM_IDS.map((p) => [
        p,
        d.closeHours[p].trim()
          ? Math.round(Number(d.closeHours[p]) * HOUR)
          : null,
      ]),
    ) as Record<PlatformId, number | null>,
  };
}

/** The engine settings with a saved patch applied, as the background will resolve them. */
export function applyPatch(
  base: EngineSettings,
  patch: EngineSettingsPatch,
): EngineSettings {
  const { closeAfterMs, ...rest } = patch;
  const out: EngineSettings = { ...base, ...(rest as Partial<EngineSettings>) };
  if (closeAfterMs) {
    out.closeAfterMs = { ...base.closeAfterMs };
    for (const [p, ms] of Object.entries(closeAfterMs))
      out.closeAfterMs[p as PlatformId] = ms ?? undefined;
  }
  return out;
}

/** The step "add a step" appends: a chat follow-up two hours after the order, under a new id. */
export function newStep(steps: readonly StepDraft[]): StepDraft {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n += 1;
  return {
    id: `step-${n}`,
    scenario: "follow-up",
    channel: "chat",
    anchor: "order",
    offsetMin: "120",
    only: "",
  };
}

export const emptyPromotion = (): PromotionDraft => ({
  from: "",
  to: "",
  label: "",
});

import { ChoiceSelect } from "@/components/options/ChoiceSelect";
import { useMemo, useState, type FormEvent } from "react";
import type { EngineSettingsPatch } from "@/lib/schemas/admin";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import type { EngineSettings, StepRule } from "@/lib/engine/settings";
import {
  NUDGE_CHANNELS,
  STEP_SCENARIOS,
  type DayWindow,
  type NudgeChannel,
  type StepScenario,
} from "@/lib/model/steps";
import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import { formatOrderTime } from "@/lib/model/time-format";
import {
  minutesToText,
  textToMinutes,
  windowError,
  WindowsEditor,
  type WindowDraft,
} from "@/components/options/WindowsEditor";

const MIN = 60_000;
const HOUR = 60 * MIN;
const ONLY = ["consulted", "silent", "high-value"] as const;
const SAMPLES = ["silent", "consulted", "high-value"] as const;
type Sample = (typeof SAMPLES)[number];

interface StepDraft {
  id: string;
  scenario: StepScenario;
  channel: NudgeChannel;
  anchor: StepRule["anchor"];
  offsetMin: string;
  only: "" | (StepRule["only"] & string);
  promo?: StepRule["promo"];
}

interface PromotionDraft {
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
  capCount: string;
  capHours: string;
  highValue: string;
  closeHours: Record<PlatformId, string>;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const windowsDraft = (
  windows: readonly DayWindow[] | undefined,
): WindowDraft[] =>
  (windows ?? []).map((w) => ({
    from: minutesToText(w.from),
    to: minutesToText(w.to),
  }));

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
    quietHours: windowsDraft(s.quietHours),
    phoneWindows: windowsDraft(s.channelWindows.phone),
    smsWindows: windowsDraft(s.channelWindows.sms),
    promotions: s.promotions.map((p) => ({
      from: p.from,
      to: p.to,
      label: p.label ?? "",
    })),
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

const toWindows = (list: WindowDraft[]): DayWindow[] =>
  list.map((w) => ({ from: textToMinutes(w.from)!, to: textToMinutes(w.to)! }));

/** The settings a valid draft stands for, as the background stores them. */
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
  if (d.phoneWindows.length) channelWindows.phone = toWindows(d.phoneWindows);
  if (d.smsWindows.length) channelWindows.sms = toWindows(d.smsWindows);
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
    quietHours: toWindows(d.quietHours),
    channelWindows,
    promotions: d.promotions.map((p) =>
      p.label.trim()
        ? { from: p.from, to: p.to, label: p.label.trim() }
        : { from: p.from, to: p.to },
    ),
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

function newStepId(steps: readonly StepDraft[]): string {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n += 1;
  return `step-${n}`;
}

export interface PlanSectionProps {
  locale: Locale;
  initial: EngineSettings;
  /** Answers how many open orders got a new plan. */
  onSave(patch: EngineSettingsPatch): Promise<{ replanned: number }>;
  /** When the sample order of the preview was placed; now by default. */
  sampleAt?: number;
}

export function PlanSection({
  locale,
  initial,
  onSave,
  sampleAt,
}: PlanSectionProps) {
  const [draft, setDraft] = useState<PlanDraft>(() => toDraft(initial));
  const [showErrors, setShowErrors] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({
    text: "",
  });
  const [sample, setSample] = useState<Sample>("silent");
  const [placedAt] = useState(
    () => sampleAt ?? Math.floor(Date.now() / MIN) * MIN,
  );
  const update = (patch: Partial<PlanDraft>) =>
    setDraft((d) => ({ ...d, ...patch }));
  const setStep = (i: number, patch: Partial<StepDraft>) =>
    update({
      steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    });
  const setPromo = (i: number, patch: Partial<PromotionDraft>) =>
    update({
      promotions: draft.promotions.map((p, j) =>
        j === i ? { ...p, ...patch } : p,
      ),
    });

  const errors = useMemo(() => draftErrors(draft, locale), [draft, locale]);
  const valid = Object.keys(errors).length === 0;
  const shown = (key: string) => (showErrors ? errors[key] : undefined);
  const fieldError = (key: string) =>
    shown(key) ? (
      <span className="field-error" role="alert">
        {shown(key)}
      </span>
    ) : null;

  const preview = useMemo(() => {
    if (!valid) return undefined;
    const settings = applyPatch(initial, fromDraft(draft, initial));
    const close = settings.closeAfterMs.taobao;
    const order: PlanOrder = {
      status: "unpaid",
      placedAt,
      closesAt: close === undefined ? undefined : placedAt + close,
      amountCents:
        sample === "high-value"
          ? Math.max(settings.highValueCents, 9900)
          : 9900,
      consulted: sample === "consulted",
    };
    return { order, steps: planOrder(order, settings) };
  }, [valid, draft, initial, placedAt, sample]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (!valid) {
      setStatus({ text: t(locale, "plan.fixErrors"), error: true });
      return;
    }
    try {
      const { replanned } = await onSave(fromDraft(draft, initial));
      setStatus({ text: t(locale, "plan.saved", { n: replanned }) });
    } catch (error) {
      setStatus({
        text: t(locale, "options.saveFailed", {
          error: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      });
    }
  }

  return (
    <form
      className="section"
      aria-label={t(locale, "options.plan")}
      onSubmit={submit}
      noValidate
    >
      <h2>{t(locale, "options.plan")}</h2>

      <fieldset>
        <legend>{t(locale, "plan.steps")}</legend>
        {draft.steps.map((step, i) => (
          <div className="row step" key={step.id} data-step={step.id}>
            <strong>{t(locale, "plan.step", { n: i + 1 })}</strong>
            <label>
              <span>{t(locale, "plan.scenario")}</span>
              <ChoiceSelect
                name={`step-${i}-scenario`}
                value={step.scenario}
                choices={STEP_SCENARIOS}
                label={(c) => t(locale, `scenario.${c}`)}
                onChange={(v) => setStep(i, { scenario: v })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.channel")}</span>
              <ChoiceSelect
                name={`step-${i}-channel`}
                value={step.channel}
                choices={NUDGE_CHANNELS}
                label={(c) => t(locale, `channel.${c}`)}
                onChange={(v) => setStep(i, { channel: v })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.offset")}</span>
              <input
                name={`step-${i}-offset`}
                className="number"
                inputMode="decimal"
                value={step.offsetMin}
                aria-invalid={shown(`step-${i}-offset`) ? true : undefined}
                onChange={(e) => setStep(i, { offsetMin: e.target.value })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.anchor")}</span>
              <select
                name={`step-${i}-anchor`}
                value={step.anchor}
                onChange={(e) =>
                  setStep(i, { anchor: e.target.value as StepRule["anchor"] })
                }
              >
                <option value="order">{t(locale, "plan.anchor.order")}</option>
                <option value="close">{t(locale, "plan.anchor.close")}</option>
              </select>
            </label>
            <label>
              <span>{t(locale, "plan.only")}</span>
              <select
                name={`step-${i}-only`}
                value={step.only}
                onChange={(e) =>
                  setStep(i, { only: e.target.value as StepDraft["only"] })
                }
              >
                <option value="">{t(locale, "plan.only.all")}</option>
                {ONLY.map((o) => (
                  <option key={o} value={o}>
                    {t(locale, `plan.only.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() =>
                update({ steps: draft.steps.filter((_, j) => j !== i) })
              }
            >
              {t(locale, "plan.remove")}
            </button>
            {fieldError(`step-${i}-offset`)}
          </div>
        ))}
        {fieldError("steps")}
        {draft.steps.length < 20 && (
          <button
            type="button"
            onClick={() =>
              update({
                steps: [
                  ...draft.steps,
                  {
                    id: newStepId(draft.steps),
                    scenario: "follow-up",
                    channel: "chat",
                    anchor: "order",
                    offsetMin: "120",
                    only: "",
                  },
                ],
              })
            }
          >
            {t(locale, "plan.addStep")}
          </button>
        )}
      </fieldset>

      <WindowsEditor
        locale={locale}
        name="quiet"
        legend={t(locale, "plan.quietHours")}
        windows={draft.quietHours}
        onChange={(quietHours) => update({ quietHours })}
        showErrors={showErrors}
      />
      <WindowsEditor
        locale={locale}
        name="phone"
        legend={t(locale, "plan.phoneWindows")}
        windows={draft.phoneWindows}
        onChange={(phoneWindows) => update({ phoneWindows })}
        showErrors={showErrors}
      />
      <WindowsEditor
        locale={locale}
        name="sms"
        legend={t(locale, "plan.smsWindows")}
        windows={draft.smsWindows}
        onChange={(smsWindows) => update({ smsWindows })}
        showErrors={showErrors}
      />

      <fieldset>
        <legend>{t(locale, "plan.promotions")}</legend>
        {draft.promotions.map((p, i) => (
          <div className="row" key={i}>
            <label>
              <span>{t(locale, "plan.promoLabel")}</span>
              <input
                name={`promo-${i}-label`}
                maxLength={40}
                value={p.label}
                onChange={(e) => setPromo(i, { label: e.target.value })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.from")}</span>
              <input
                name={`promo-${i}-from`}
                type="date"
                value={p.from}
                onChange={(e) => setPromo(i, { from: e.target.value })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.to")}</span>
              <input
                name={`promo-${i}-to`}
                type="date"
                value={p.to}
                onChange={(e) => setPromo(i, { to: e.target.value })}
              />
            </label>
            <button
              type="button"
              onClick={() =>
                update({
                  promotions: draft.promotions.filter((_, j) => j !== i),
                })
              }
            >
              {t(locale, "plan.remove")}
            </button>
            {fieldError(`promo-${i}`)}
          </div>
        ))}
        {draft.promotions.length < 50 && (
          <button
            type="button"
            onClick={() =>
              update({
                promotions: [
                  ...draft.promotions,
                  { from: "", to: "", label: "" },
                ],
              })
            }
          >
            {t(locale, "plan.addPromotion")}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t(locale, "plan.buyerCap")}</legend>
        <label className="field">
          <span>{t(locale, "plan.capCount")}</span>
          <input
            name="capCount"
            inputMode="numeric"
            value={draft.capCount}
            onChange={(e) => update({ capCount: e.target.value })}
          />
        </label>
        {fieldError("capCount")}
        <label className="field">
          <span>{t(locale, "plan.capHours")}</span>
          <input
            name="capHours"
            inputMode="decimal"
            value={draft.capHours}
            onChange={(e) => update({ capHours: e.target.value })}
          />
        </label>
        {fieldError("capHours")}
      </fieldset>

      <label className="field">
        <span>{t(locale, "plan.highValue")}</span>
        <input
          name="highValue"
          inputMode="decimal"
          value={draft.highValue}
          onChange={(e) => update({ highValue: e.target.value })}
        />
      </label>
      {fieldError("highValue")}

      <fieldset>
        <legend>{t(locale, "plan.closeAfter")}</legend>
        {PLATFORM_IDS.map((p) => (
          <div key={p}>
            <label className="field">
              <span>{t(locale, `platform.${p}`)}</span>
              <input
                name={`close-${p}`}
                inputMode="decimal"
                value={draft.closeHours[p]}
                onChange={(e) =>
                  update({
                    closeHours: { ...draft.closeHours, [p]: e.target.value },
                  })
                }
              />
            </label>
            {fieldError(`close-${p}`)}
          </div>
        ))}
      </fieldset>

      <section className="preview" aria-label={t(locale, "plan.preview")}>
        <h3>{t(locale, "plan.preview")}</h3>
        <label className="field">
          <span>{t(locale, "plan.sample")}</span>
          <select
            name="sample"
            value={sample}
            onChange={(e) => setSample(e.target.value as Sample)}
          >
            {SAMPLES.map((s) => (
              <option key={s} value={s}>
                {t(locale, `plan.sample.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {preview ? (
          <>
            <p className="hint">
              {t(locale, "plan.placedAt", {
                platform: t(locale, "platform.taobao"),
                time: formatOrderTime(preview.order.placedAt),
              })}
              {preview.order.closesAt !== undefined &&
                ` · ${t(locale, "plan.closesAt", { time: formatOrderTime(preview.order.closesAt) })}`}
            </p>
            {preview.steps.length ? (
              <ol data-testid="plan-preview">
                {preview.steps.map((step) => (
                  <li key={step.id} data-at={step.at}>
                    {t(locale, "plan.previewLine", {
                      time: formatOrderTime(step.at),
                      scenario: t(locale, `scenario.${step.scenario}`),
                      channel: t(locale, `channel.${step.channel}`),
                    })}
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t(locale, "plan.previewEmpty")}</p>
            )}
          </>
        ) : (
          <p className="hint">{t(locale, "plan.previewInvalid")}</p>
        )}
      </section>

      <button type="submit">{t(locale, "options.save")}</button>
      <p role="status" className={status.error ? "status error" : "status"}>
        {status.text}
      </p>
    </form>
  );
}

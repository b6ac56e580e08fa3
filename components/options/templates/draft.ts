import { listText } from "@/components/options/status";
import { t, type Locale } from "@/lib/i18n";
import { TEMPLATE_BODY_MAX, type TemplateEntry } from "@/lib/db/templates";
import {
  smsCheck,
  unknownVariables,
  type SmsCheck,
} from "@/lib/templates/render";
import type {
  MessageTemplate,
  TemplateScenario,
  TemplateSegment,
} from "@/lib/templates/shipped";

/*
 * A template as the options form edits it (a MessageTemplate, typed freely), what is wrong with it,
 * and the template the background is sent once it can be saved.
 */

/**
 * The list's filters; "" shows every scenario, segment or language. The language starts as the
 * UI's, so the English templates do not fill a Chinese seller's list.
 */
export interface TemplateFilter {
  scenario: TemplateScenario | "";
  segment: TemplateSegment | "";
  locale: Locale | "";
}

export function filterEntries(
  entries: readonly TemplateEntry[],
  { scenario, segment, locale }: TemplateFilter,
): TemplateEntry[] {
  return entries.filter(
    (e) =>
      (!scenario || e.template.scenario === scenario) &&
      (!segment || e.template.segment === segment) &&
      (!locale || e.template.locale === locale),
  );
}

/** A new, empty chat template, for the scenario, segment and language the list is filtered on. */
export function blankTemplate(
  id: string,
  filter: TemplateFilter,
  locale: Locale,
): MessageTemplate {
  return {
    id,
    scenario: filter.scenario || "first",
    segment: filter.segment || "any",
    channel: "chat",
    locale: filter.locale || locale,
    name: "",
    body: "",
  };
}

export interface SmsMark {
  label: string;
  ok: boolean;
}

/** The four things every SMS must carry (shop, item, order time, a technique), checked. */
function smsRequired(locale: Locale, check: SmsCheck): SmsMark[] {
  return [
    { label: t(locale, "tpl.sms.shop"), ok: check.hasShop },
    { label: t(locale, "tpl.sms.item"), ok: check.hasItem },
    { label: t(locale, "tpl.sms.time"), ok: check.hasTime },
    { label: t(locale, "tpl.sms.technique"), ok: check.hasTechnique },
  ];
}

/** The SMS checklist the editor shows: the four required things, then the opt-out it should carry. */
export function smsMarks(locale: Locale, check: SmsCheck): SmsMark[] {
  return [
    ...smsRequired(locale, check),
    { label: t(locale, "tpl.sms.optOut"), ok: check.hasOptOut },
  ];
}

export interface TemplateErrors {
  name?: string;
  body?: string;
}

/** What is wrong with a template draft, by field; empty when it can be saved. */
export function templateErrors(
  tpl: MessageTemplate,
  locale: Locale,
): TemplateErrors {
  const errors: TemplateErrors = {};
  if (!tpl.name.trim()) errors.name = t(locale, "tpl.err.name");
  const unknown = unknownVariables(tpl.body);
  if (!tpl.body.trim()) errors.body = t(locale, "tpl.err.body");
  else if (tpl.body.trim().length > TEMPLATE_BODY_MAX)
    errors.body = t(locale, "tpl.err.tooLong", { max: TEMPLATE_BODY_MAX });
  else if (unknown.length)
    errors.body = t(locale, "tpl.err.unknown", {
      names: listText(
        locale,
        unknown.map((n) => `{{${n}}}`),
      ),
    });
  else if (tpl.channel === "sms") {
    const missing = smsRequired(locale, smsCheck(tpl.body))
      .filter((mark) => !mark.ok)
      .map((mark) => mark.label);
    if (missing.length)
      errors.body = t(locale, "tpl.err.sms", {
        missing: listText(locale, missing),
      });
  }
  return errors;
}

/**
 * The body's error as the editor shows it: an unknown variable at once (it is a typo the seller
 * should see while typing), any other problem only once they tried to save.
 */
export function shownBodyError(
  tpl: MessageTemplate,
  errors: TemplateErrors,
  tried: boolean,
): string | undefined {
  return unknownVariables(tpl.body).length || tried ? errors.body : undefined;
}

/** The template to store for a draft without errors: name and body trimmed, no empty order kind. */
export function templateToSave(tpl: MessageTemplate): MessageTemplate {
  const clean: MessageTemplate = {
    ...tpl,
    name: tpl.name.trim(),
    body: tpl.body.trim(),
  };
  if (!clean.orderKind) delete clean.orderKind;
  return clean;
}

/**
 * The editor's text with a variable's placeholder (`token`, as the agent sees it) put over the
 * selection `start`–`end` (the caret when they are equal), cut to the longest body stored, and
 * where the caret goes after it.
 */
export function insertVariable(
  text: string,
  start: number,
  end: number,
  token: string,
): { body: string; caret: number } {
  const next = text.slice(0, start) + token + text.slice(end);
  return {
    body: next.slice(0, TEMPLATE_BODY_MAX),
    caret: start + token.length,
  };
}

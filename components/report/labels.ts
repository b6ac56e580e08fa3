import { hasMessage, t, type Locale, type MessageKey } from "@/lib/i18n";
import { PLATFORMS } from "@/lib/model/platforms";
import type { BreakdownKey, SkipCause } from "@/lib/model/report";
import { NUDGE_CHANNELS } from "@/lib/model/steps";
import { isReasonId, REASONS } from "@/lib/templates/outcomes";

/*
 * Readable names for what the report groups by: the stored values are ids (a step's rule, a
 * channel, a template's id, a platform), named as the rest of the UI and the CSV export name them.
 */

export const BREAKDOWN_TITLES: Record<BreakdownKey, MessageKey> = {
  step: "reportPage.byStep",
  channel: "reportPage.byChannel",
  template: "reportPage.byTemplate",
  agent: "reportPage.byAgent",
  shop: "reportPage.byShop",
  platform: "reportPage.byPlatform",
};

export const SKIP_LABELS: Record<SkipCause, MessageKey> = {
  "quiet-hours": "reportPage.skip.quietHours",
  "buyer-cap": "reportPage.skip.buyerCap",
  "colleague-note": "reportPage.skip.colleagueNote",
  declined: "reportPage.skip.declined",
};

const isChannel = (v: string): v is (typeof NUDGE_CHANNELS)[number] =>
  (NUDGE_CHANNELS as readonly string[]).includes(v);

/** A group's name; a value PayNudge does not know (an old row, a removed template) as it is. */
export function groupName(
  locale: Locale,
  key: BreakdownKey,
  value: string,
  templateNames: ReadonlyMap<string, string>,
): string {
  if (value === "") return t(locale, "reportPage.unrecorded");
  switch (key) {
    case "step": {
      const stepKey = `step.${value}`;
      return hasMessage(stepKey) ? t(locale, stepKey) : value;
    }
    case "channel":
      return isChannel(value) ? t(locale, `channel.${value}`) : value;
    case "template":
      return templateNames.get(value) ?? value;
    case "platform":
      return value in PLATFORMS
        ? t(locale, PLATFORMS[value as keyof typeof PLATFORMS].label)
        : value;
    case "agent":
    case "shop":
      return value;
  }
}

/** A reason heard, by its id; an id PayNudge does not know is shown as it is. */
export function reasonName(locale: Locale, id: string): string {
  return isReasonId(id) ? REASONS[id].label[locale] : id;
}

/** What to do about a reason, or nothing for an unknown id. */
export function reasonAdvice(locale: Locale, id: string): string {
  return isReasonId(id) ? REASONS[id].action[locale] : "";
}

import { useMemo } from "react";
import { t, type Locale } from "@/lib/i18n";
import {
  renderParts,
  renderTemplate,
  type TemplateValues,
} from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { nativeEvent, trusted } from "@/components/shared/trusted-event";
import type { Report } from "@/components/page/nudge-panel/use-status";

/**
 * The chosen template filled in for this order, each variable without a value marked and
 * counted, with the buttons that copy it or insert it into the page's chat box.
 */
export function MessagePreview(props: {
  id: string;
  template: MessageTemplate | undefined;
  values: TemplateValues;
  locale: Locale;
  /** A colleague's fresh note holds the agent back until they confirm. */
  blocked: boolean;
  canInsert?: boolean;
  onCopy(text: string, templateId: string, cause: Event): unknown;
  onInsert?(text: string, templateId: string): unknown;
  report: Report;
}) {
  const { template, values, locale, blocked, report } = props;
  const hasInsert = props.onInsert !== undefined;
  const parts = useMemo(
    () => (template ? renderParts(template.body, values, locale) : []),
    [template, values, locale],
  );
  const missing = parts.filter((p) => p.missing).length;
  const text = template
    ? renderTemplate(template.body, values, locale).text
    : "";
  const noChatBox = props.canInsert === false;
  return (
    <div className="pn-section">
      <span className="pn-label" id={`${props.id}-label`}>
        {t(locale, "panel.preview")}
      </span>
      <p
        className="pn-preview"
        aria-labelledby={`${props.id}-label`}
        data-paynudge-preview=""
      >
        {parts.map((part, i) =>
          part.missing ? (
            <mark key={i} className="pn-missing" data-missing={part.missing}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      {missing > 0 && (
        <p className="pn-hint pn-warn">
          {t(locale, "panel.missing", { n: missing })}
        </p>
      )}
      <div className="pn-row">
        <button
          type="button"
          className="pn-primary"
          disabled={blocked || !template}
          onClick={trusted(
            (e) =>
              template &&
              void report(
                () => props.onCopy(text, template.id, nativeEvent(e)),
                "panel.copied",
                "badge.copyFailed",
              ),
          )}
        >
          {t(locale, "panel.copy")}
        </button>
        {hasInsert && (
          <button
            type="button"
            disabled={blocked || !template || noChatBox}
            title={noChatBox ? t(locale, "panel.noChatBox") : undefined}
            onClick={trusted(
              () =>
                template &&
                void report(
                  () => props.onInsert?.(text, template.id),
                  "panel.inserted",
                  "panel.insertFailed",
                ),
            )}
          >
            {t(locale, "panel.insert")}
          </button>
        )}
      </div>
      {hasInsert && noChatBox && (
        <p className="pn-hint">{t(locale, "panel.noChatBox")}</p>
      )}
    </div>
  );
}

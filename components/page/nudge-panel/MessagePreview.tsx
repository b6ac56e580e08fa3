import { useMemo, useState } from "react";
import { t, type Locale } from "@/lib/i18n";
import {
  renderParts,
  renderTemplate,
  type TemplateValues,
} from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";
import type { ChatInsert } from "@/lib/messaging/workspace-requests";
import type { PanelModel } from "@/lib/page/ui-port";
import { nativeEvent, trusted } from "@/components/shared/trusted-event";
import type { StatusKey } from "@/components/page/nudge-panel/panel-logic";
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
  onInsert?: PanelModel["onInsert"];
  report: Report;
  /** Sets the panel's status line. */
  say(status: StatusKey | undefined): void;
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
  /** Whose chat the last insert found open, when that is worth a warning. */
  const [chatCheck, setChatCheck] = useState<ChatInsert>();

  async function insert(tpl: MessageTemplate) {
    setChatCheck(undefined);
    props.say(undefined);
    let answer: ChatInsert | boolean | undefined;
    try {
      answer = await props.onInsert?.(text, tpl.id);
    } catch {
      answer = false;
    }
    const check: ChatInsert =
      typeof answer === "object"
        ? answer
        : { status: answer === false ? "failed" : "inserted" };
    setChatCheck(check);
    // Another buyer's chat: nothing went in, and the warning below says whose chat is open.
    if (check.status !== "other-buyer")
      props.say(
        check.status === "failed" ? "panel.insertFailed" : "panel.inserted",
      );
  }
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
            onClick={trusted(() => template && void insert(template))}
          >
            {t(locale, "panel.insert")}
          </button>
        )}
      </div>
      {hasInsert && noChatBox && (
        <p className="pn-hint">{t(locale, "panel.noChatBox")}</p>
      )}
      {chatCheck?.status === "other-buyer" && (
        <p
          className="pn-hint pn-warn"
          role="alert"
          data-paynudge-chat-check="other-buyer"
        >
          {t(locale, "panel.otherBuyer", {
            chat: chatCheck.chatBuyer,
            order: chatCheck.orderBuyer,
          })}
        </p>
      )}
      {chatCheck?.status === "unsure" && (
        <p
          className="pn-hint pn-warn"
          role="alert"
          data-paynudge-chat-check="unsure"
        >
          {t(locale, "panel.unsureBuyer")}
        </p>
      )}
    </div>
  );
}

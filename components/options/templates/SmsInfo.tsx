import { smsMarks } from "@/components/options/templates/draft";
import { t, type Locale } from "@/lib/i18n";
import { smsCheck, SMS_OPT_OUT } from "@/lib/templates/render";

export interface SmsInfoProps {
  locale: Locale;
  body: string;
  /** The body filled in with the sample order: what the length is measured on. */
  rendered: string;
}

/** An SMS template's checklist, its length and how many messages it is billed as. */
export function SmsInfo({ locale, body, rendered }: SmsInfoProps) {
  const check = smsCheck(body, rendered);
  return (
    <div className="sms-check" data-testid="sms-check">
      <ul>
        {smsMarks(locale, check).map(({ label, ok }) => (
          <li key={label} className={ok ? "ok" : "missing"} data-ok={ok}>
            {ok ? "✓" : "✗"} {label}
          </li>
        ))}
      </ul>
      <p data-testid="sms-length">
        {t(locale, "tpl.sms.length", {
          length: check.length,
          segments: check.segments,
        })}
      </p>
      {!check.hasOptOut && (
        <p className="hint">
          {t(locale, "tpl.sms.optOutMissing", { text: SMS_OPT_OUT[locale] })}
        </p>
      )}
    </div>
  );
}

import { t, type Locale } from "@/lib/i18n";

/**
 * What "recovered" means, in one sentence beside the figures, with the attribution window's hours;
 * and, when some payment times were not on the page, that PayNudge's first sight of the payment
 * stands in for them.
 */
export function Definition({
  locale,
  hours,
  estimated,
}: {
  locale: Locale;
  hours: number;
  estimated: number;
}) {
  return (
    <div className="definition" data-testid="report-definition">
      <p>
        {t(locale, "reportPage.definition", { hours })}{" "}
        {/* The window is the seller's to set, with the other general settings. */}
        <a href="/options.html#general" target="_blank" rel="noopener">
          {t(locale, "reportPage.editWindow")}
        </a>
      </p>
      {estimated > 0 && (
        <p className="hint" data-testid="report-estimated">
          {t(locale, "reportPage.estimated", { n: estimated })}
        </p>
      )}
    </div>
  );
}

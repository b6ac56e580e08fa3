import { format } from "date-fns";
import { useLiveQuery } from "dexie-react-hooks";
import { abTestFigures } from "@/lib/db/ab-test-figures";
import { getDb } from "@/lib/db/schema";
import { AB_MIN_ORDERS_PER_ARM, type AbFigures } from "@/lib/engine/ab-stats";
import { t, type Locale } from "@/lib/i18n";
import {
  AB_ARMS,
  armTemplate,
  type AbArm,
  type AbTest,
} from "@/lib/model/ab-test";
import {
  formatPercent,
  formatPValue,
} from "@/components/report/ab-test-choices";

export interface AbTestResultProps {
  locale: Locale;
  test: AbTest;
  attributionHours: number;
  nameOf(templateId: string): string;
  /** Ends a running test keeping that arm's template, or none; absent for an ended test. */
  onEnd?(winner?: AbArm): void;
}

const when = (ms: number) => format(ms, "yyyy-MM-dd HH:mm");

/** What the figures say: too early, a significant leader, or no difference yet. */
function verdictText(
  locale: Locale,
  figures: AbFigures,
  name: (arm: AbArm) => string,
): string {
  const p = formatPValue(figures.pValue);
  if (figures.verdict === "not-yet")
    return t(locale, "abTest.notYet", {
      min: AB_MIN_ORDERS_PER_ARM,
      a: figures.arms.A.orders,
      b: figures.arms.B.orders,
    });
  if (figures.verdict === "significant" && figures.leader)
    return t(locale, "abTest.significant", { p, name: name(figures.leader) });
  return t(locale, "abTest.noDifference", { p });
}

/** One test: each arm's orders, recoveries and rate with its interval, the verdict, the end. */
export function AbTestResult({
  locale,
  test,
  attributionHours,
  nameOf,
  onEnd,
}: AbTestResultProps) {
  const figures = useLiveQuery(
    () => abTestFigures(getDb(), test, attributionHours),
    [test, attributionHours],
  );
  const name = (arm: AbArm) => nameOf(armTemplate(test, arm));
  const scenario = t(locale, `scenario.${test.scenario}`);
  const winner =
    figures?.verdict === "significant" ? figures.leader : undefined;

  return (
    <article className="ab-test" data-testid={`ab-test-${test.id}`}>
      <h3>
        {test.endedAt === undefined
          ? t(locale, "abTest.running", {
              scenario,
              date: when(test.startedAt),
            })
          : t(locale, "abTest.endedTitle", {
              scenario,
              from: when(test.startedAt),
              to: when(test.endedAt),
            })}
      </h3>
      {figures === undefined ? (
        <p role="status">{t(locale, "popup.loading")}</p>
      ) : (
        <>
          <table>
            <caption>{t(locale, "abTest.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "abTest.arm")}</th>
                <th scope="col">{t(locale, "abTest.template")}</th>
                <th scope="col">{t(locale, "abTest.orders")}</th>
                <th scope="col">{t(locale, "abTest.recovered")}</th>
                <th scope="col">{t(locale, "abTest.rate")}</th>
              </tr>
            </thead>
            <tbody>
              {AB_ARMS.map((arm) => {
                const row = figures.arms[arm];
                return (
                  <tr key={arm} data-arm={arm}>
                    <th scope="row">{arm}</th>
                    <td>{name(arm)}</td>
                    <td data-testid="ab-orders">{row.orders}</td>
                    <td data-testid="ab-recovered">{row.recovered}</td>
                    <td>
                      {row.rate === null
                        ? "—"
                        : t(locale, "abTest.rateValue", {
                            rate: formatPercent(locale, row.rate),
                            low: formatPercent(locale, row.low),
                            high: formatPercent(locale, row.high),
                          })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p data-testid="ab-verdict">{verdictText(locale, figures, name)}</p>
        </>
      )}
      {test.endedAt !== undefined ? (
        <p className="hint">
          {test.winner
            ? t(locale, "abTest.kept", { name: name(test.winner) })
            : t(locale, "abTest.keptNone")}
        </p>
      ) : onEnd ? (
        <div className="actions">
          {winner ? (
            <button type="button" onClick={() => onEnd(winner)}>
              {t(locale, "abTest.keepWinner", { name: name(winner) })}
            </button>
          ) : null}
          <button type="button" onClick={() => onEnd()}>
            {t(locale, "abTest.endWithout")}
          </button>
        </div>
      ) : null}
    </article>
  );
}

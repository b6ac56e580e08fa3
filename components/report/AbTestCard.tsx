import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { abTemplateChoices } from "@/lib/db/ab-test-figures";
import { getDb } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import { t, type Locale } from "@/lib/i18n";
import type { AbArm } from "@/lib/model/ab-test";
import { endAbTest, startAbTest } from "@/components/report/ab-requests";
import { AbTestResult } from "@/components/report/AbTestResult";
import { AbTestStart } from "@/components/report/AbTestStart";

export interface AbTestCardProps {
  locale: Locale;
}

/** Ended tests shown below the running ones, latest first. */
const PAST_SHOWN = 3;

/**
 * The report's A/B tests (issue 16): start one for a scenario's two templates, follow each arm's
 * recovery with its interval and whether the difference is significant yet, end it keeping the
 * winner (then the scenario's preferred template).
 */
export function AbTestCard({ locale }: AbTestCardProps) {
  const db = getDb();
  const tests = useLiveQuery(() => readPlainSetting(db, "abTests"), [db]);
  // The report's own window: recovered here is what the report's figures count.
  const attributionHours = useLiveQuery(
    () => readPlainSetting(db, "attributionHours"),
    [db],
  );
  const templates = useLiveQuery(() => abTemplateChoices(db), [db]);
  const [failure, setFailure] = useState<string>();

  const act = (request: Promise<unknown>) => {
    setFailure(undefined);
    request.catch((error: unknown) =>
      setFailure(
        t(locale, "abTest.failed", {
          message: error instanceof Error ? error.message : String(error),
        }),
      ),
    );
  };

  const body = () => {
    if (
      tests === undefined ||
      templates === undefined ||
      attributionHours === undefined
    )
      return <p role="status">{t(locale, "popup.loading")}</p>;
    const names = new Map(templates.map((tpl) => [tpl.id, tpl.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const running = tests.filter((test) => test.endedAt === undefined);
    const past = tests
      .filter((test) => test.endedAt !== undefined)
      .sort((a, b) => b.endedAt! - a.endedAt!)
      .slice(0, PAST_SHOWN);
    return (
      <>
        <AbTestStart
          locale={locale}
          templates={templates}
          busy={new Set(running.map((test) => test.scenario))}
          onStart={(request) => act(startAbTest(request))}
        />
        {running.length === 0 ? (
          <p className="hint">{t(locale, "abTest.none")}</p>
        ) : (
          running.map((test) => (
            <AbTestResult
              key={test.id}
              locale={locale}
              test={test}
              attributionHours={attributionHours}
              nameOf={nameOf}
              onEnd={(winner?: AbArm) =>
                act(
                  endAbTest(winner ? { id: test.id, winner } : { id: test.id }),
                )
              }
            />
          ))
        )}
        {past.length > 0 ? (
          <>
            <h3>{t(locale, "abTest.past")}</h3>
            {past.map((test) => (
              <AbTestResult
                key={test.id}
                locale={locale}
                test={test}
                attributionHours={attributionHours}
                nameOf={nameOf}
              />
            ))}
          </>
        ) : null}
      </>
    );
  };

  return (
    <section className="section ab-tests" aria-labelledby="ab-tests-title">
      <h2 id="ab-tests-title">{t(locale, "abTest.title")}</h2>
      <p className="hint">{t(locale, "abTest.intro")}</p>
      {body()}
      {failure ? <p role="alert">{failure}</p> : null}
    </section>
  );
}

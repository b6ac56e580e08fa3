import { useState } from "react";
import { t, type Locale } from "@/lib/i18n";
import { STEP_SCENARIOS, type StepScenario } from "@/lib/model/steps";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { choicesForA, partnersOf } from "@/components/report/ab-test-choices";

export interface AbTestStartProps {
  locale: Locale;
  templates: readonly MessageTemplate[];
  /** Scenarios a test runs for now: none other may start there. */
  busy: ReadonlySet<string>;
  onStart(test: {
    scenario: StepScenario;
    templateA: string;
    templateB: string;
  }): void;
}

/** A template as the seller tells them apart: its name, channel and language. */
function templateLabel(locale: Locale, tpl: MessageTemplate): string {
  return `${tpl.name} · ${t(locale, `channel.${tpl.channel}`)} · ${t(locale, `locale.${tpl.locale}`)}`;
}

/** Picks a scenario and two of its templates, and starts the test. */
export function AbTestStart({
  locale,
  templates,
  busy,
  onStart,
}: AbTestStartProps) {
  // The first scenario with two templates to compare (the shipped first reminders are each
  // written for other buyers: none of them pairs with another).
  const [scenario, setScenario] = useState<StepScenario>(
    () =>
      STEP_SCENARIOS.find((one) => choicesForA(templates, one).length > 0) ??
      "first",
  );
  const [aId, setAId] = useState<string>();
  const [bId, setBId] = useState<string>();

  const choicesA = choicesForA(templates, scenario);
  const a = choicesA.find((tpl) => tpl.id === aId) ?? choicesA[0];
  const choicesB = partnersOf(templates, a);
  const b = choicesB.find((tpl) => tpl.id === bId) ?? choicesB[0];
  const isBusy = busy.has(scenario);

  return (
    <>
      <form
        className="actions ab-test-start"
        onSubmit={(event) => {
          event.preventDefault();
          if (a && b && !isBusy)
            onStart({ scenario, templateA: a.id, templateB: b.id });
        }}
      >
        <label>
          {t(locale, "abTest.scenario")}{" "}
          <select
            value={scenario}
            onChange={(event) => {
              setScenario(event.target.value as StepScenario);
              setAId(undefined);
              setBId(undefined);
            }}
          >
            {STEP_SCENARIOS.map((one) => (
              <option key={one} value={one}>
                {t(locale, `scenario.${one}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(locale, "abTest.templateA")}{" "}
          <select
            value={a?.id ?? ""}
            disabled={!a}
            onChange={(event) => {
              setAId(event.target.value);
              setBId(undefined);
            }}
          >
            {choicesA.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {templateLabel(locale, tpl)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(locale, "abTest.templateB")}{" "}
          <select
            value={b?.id ?? ""}
            disabled={!b}
            onChange={(event) => setBId(event.target.value)}
          >
            {choicesB.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {templateLabel(locale, tpl)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!a || !b || isBusy}>
          {t(locale, "abTest.start")}
        </button>
      </form>
      {isBusy ? (
        <p className="hint">{t(locale, "abTest.busy")}</p>
      ) : !a ? (
        <p className="hint">{t(locale, "abTest.needTwo")}</p>
      ) : null}
    </>
  );
}

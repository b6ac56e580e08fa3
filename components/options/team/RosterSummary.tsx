import { format } from "date-fns";
import { listText } from "@/components/options/status";
import { t, type Locale } from "@/lib/i18n";
import type { Roster } from "@/lib/model/team";

/** What a roster holds, as the agent checks it: the shop, its version, each agent with their shifts. */
export function RosterSummary({
  locale,
  roster,
  testId,
}: {
  locale: Locale;
  roster: Roster;
  testId: string;
}) {
  return (
    <div className="roster" data-testid={testId}>
      <p>
        <strong>
          {t(locale, "team.heading", {
            shop: roster.shop,
            version: roster.version,
          })}
        </strong>{" "}
        <span className="hint">
          {t(locale, "team.issuedAt", {
            time: format(roster.issuedAt, "yyyy-MM-dd HH:mm"),
            lease: roster.leaseMinutes,
          })}
        </span>
      </p>
      <ul>
        {roster.agents.map((agent) => (
          <li key={agent.name} data-agent={agent.name}>
            {t(locale, "team.agentLine", {
              name: agent.name,
              weight: agent.weight,
              shifts:
                agent.shifts.length === 0
                  ? t(locale, "team.allDay")
                  : listText(
                      locale,
                      agent.shifts.map((s) => `${s.from}–${s.to}`),
                    ),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

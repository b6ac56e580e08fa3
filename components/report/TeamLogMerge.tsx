import { useRef, useState } from "react";
import { t, type Locale } from "@/lib/i18n";
import {
  importTeamLogFiles,
  teamLogMessage,
  type TeamLogFileResult,
} from "@/components/report/team-log-import";

/**
 * 合并同事的记录 (issue 17): the lead chooses colleagues' team log files; each is merged or
 * refused whole, and the page says which, with what each file added per agent. The report above
 * follows the merged nudges live.
 */
export function TeamLogMerge({ locale }: { locale: Locale }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<TeamLogFileResult[]>([]);

  async function merge(files: File[]) {
    setBusy(true);
    setResults([]);
    try {
      setResults(await importTeamLogFiles(files));
    } finally {
      setBusy(false);
      // The same file chosen again is a new choice (and changes nothing: it is all there).
      if (input.current) input.current.value = "";
    }
  }

  return (
    <section className="section team-log" aria-labelledby="team-log-title">
      <h2 id="team-log-title">{t(locale, "teamLog.title")}</h2>
      <p className="hint" id="team-log-hint">
        {t(locale, "teamLog.hint")}
      </p>
      <div className="actions">
        <label>
          {t(locale, "teamLog.choose")}{" "}
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            multiple
            disabled={busy}
            aria-describedby="team-log-hint"
            data-testid="team-log-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length) void merge(files);
            }}
          />
        </label>
      </div>
      <ul className="team-log-results" role="status" aria-busy={busy}>
        {results.map((result, i) => (
          <li
            key={i}
            data-file={result.file}
            data-outcome={result.reply.ok ? "merged" : "refused"}
            className={result.reply.ok ? undefined : "error"}
          >
            {teamLogMessage(locale, result)}
            {result.reply.ok && result.reply.byAgent.length > 0 && (
              <ul>
                {result.reply.byAgent.map((count) => (
                  <li key={count.agent} data-agent={count.agent}>
                    {t(locale, "teamLog.perAgent", {
                      agent: count.agent || t(locale, "teamLog.noAgent"),
                      added: count.added,
                      already: count.already,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

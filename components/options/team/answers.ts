import { t, type Locale } from "@/lib/i18n";
import type { TeamRosterReply } from "@/lib/messaging/team-requests";
import type { Status } from "@/components/options/status";

/** What the background's answer to a roster says to the agent (literal keys, checked by i18n's test). */
export function answerStatus(locale: Locale, reply: TeamRosterReply): Status {
  const shop = reply.held?.shop ?? "";
  const version = reply.held?.version ?? 0;
  switch (reply.answer) {
    case "stored":
      return { text: t(locale, "team.answer.stored", { shop, version }) };
    case "already-held":
      return { text: t(locale, "team.answer.alreadyHeld", { version }) };
    case "older":
      return { text: t(locale, "team.answer.older", { version }), error: true };
    case "other-team":
      return {
        text: t(locale, "team.answer.otherTeam", { shop }),
        error: true,
      };
    case "damaged":
      return { text: t(locale, "team.answer.damaged"), error: true };
    case "format":
      return { text: t(locale, "team.answer.format"), error: true };
    case "oversized":
      return { text: t(locale, "team.answer.oversized"), error: true };
  }
}

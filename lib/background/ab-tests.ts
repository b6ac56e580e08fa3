import type { PayNudgeDB } from "@/lib/db/schema";
import {
  withEndedTest,
  withStartedTest,
  type AbTest,
} from "@/lib/model/ab-test";
import { parseRequest } from "@/lib/schemas/requests";
import { getSetting, setSetting } from "@/lib/schemas/settings";
import { allTemplates } from "@/lib/schemas/templates";
import { sameAudience } from "@/lib/templates/same-audience";

/*
 * Starting and ending the A/B tests of two templates (issue 16), from the extension's own pages
 * only (routes.ts). A malformed or impossible request throws before anything is written.
 */

/** A fresh test id: also the split's salt, so two tests never split alike. */
function newAbTestId(now: number, random: () => number): string {
  return `ab-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`;
}

/**
 * Starts a test of two templates the agent may use for the scenario, in one language, on one
 * channel and for the same buyers (segment and kind of order): a template that does not fit an
 * order is never offered for it (lib/templates/shipped.ts), so two texts written for different
 * buyers would each reach only some of the orders, and the arms would compare different buyers
 * (a "new buyer" text never reaches the returning ones, who pay more readily). Refused while
 * another test runs for the scenario.
 */
export async function handleStartAbTest(
  db: PayNudgeDB,
  data: unknown,
  now: number,
  random: () => number = Math.random,
): Promise<AbTest> {
  const { scenario, templateA, templateB } = parseRequest("startAbTest", data);
  const templates = await allTemplates(db);
  const [a, b] = [templateA, templateB].map((id) => {
    const tpl = templates.find((one) => one.id === id);
    if (!tpl || tpl.scenario !== scenario)
      throw new Error(`PayNudge: no template "${id}" for "${scenario}"`);
    return tpl;
  });
  if (!sameAudience(a!, b!))
    throw new Error(
      "PayNudge: an A/B test's templates share a language, a channel and their buyers",
    );
  const test: AbTest = {
    id: newAbTestId(now, random),
    scenario,
    templateA,
    templateB,
    startedAt: now,
  };
  await db.transaction("rw", db.settings, async () => {
    const tests = await getSetting(db, "abTests");
    await setSetting(db, "abTests", withStartedTest(tests, test));
  });
  return test;
}

/** Ends a running test; its winner (if kept) becomes the scenario's preferred template. */
export async function handleEndAbTest(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<AbTest> {
  const { id, winner } = parseRequest("endAbTest", data);
  return db.transaction("rw", db.settings, async () => {
    const tests = withEndedTest(
      await getSetting(db, "abTests"),
      id,
      now,
      winner,
    );
    await setSetting(db, "abTests", tests);
    return tests.find((test) => test.id === id)!;
  });
}

import { STEP_SCENARIOS, type StepScenario } from "@/lib/model/steps";

/*
 * An A/B test of two templates for one step scenario (issue 16): while it runs, each order of the
 * scenario is given one arm's template as the best one (lib/engine/ab-split.ts decides which, by
 * its order number), and the report compares the arms' recovery (lib/engine/ab-stats.ts). Ending it
 * may keep a winner: that template is then the scenario's preferred one. Stored as the `abTests`
 * setting, checked by isAbTestList on every write and read.
 */

export const AB_ARMS = ["A", "B"] as const;
export type AbArm = (typeof AB_ARMS)[number];

export interface AbTest {
  /** Also salts the split: a new test splits the same orders afresh. */
  id: string;
  scenario: StepScenario;
  /** Template ids (lib/templates/shipped.ts, or the seller's own). */
  templateA: string;
  templateB: string;
  /** Epoch ms. */
  startedAt: number;
  /** Absent while it runs. */
  endedAt?: number;
  /** The arm kept when it ended: its template becomes the scenario's preferred one. */
  winner?: AbArm;
}

/**
 * Tests kept, ended ones included (their results stay readable, a winner stays preferred); the
 * oldest ended test gives way to a new one beyond this.
 */
export const AB_TESTS_MAX = 50;

/** As template ids and test ids are written (lib/schemas/templates.ts: the same shape). */
const ID = /^[A-Za-z0-9_-]{1,80}$/;

const isId = (v: unknown): v is string => typeof v === "string" && ID.test(v);
const isTime = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) > 0;

/** One test, every field checked: two different templates, an end not before its start. */
export function isAbTest(v: unknown): v is AbTest {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const test = v as Record<string, unknown>;
  const known = new Set([
    "id",
    "scenario",
    "templateA",
    "templateB",
    "startedAt",
    "endedAt",
    "winner",
  ]);
  if (!Object.keys(test).every((key) => known.has(key))) return false;
  if (!isId(test.id) || !isId(test.templateA) || !isId(test.templateB))
    return false;
  if (test.templateA === test.templateB) return false;
  if (!(STEP_SCENARIOS as readonly unknown[]).includes(test.scenario))
    return false;
  if (!isTime(test.startedAt)) return false;
  if (test.endedAt !== undefined) {
    if (!isTime(test.endedAt) || test.endedAt < test.startedAt) return false;
  }
  if (test.winner !== undefined) {
    // A winner is kept only by ending the test.
    if (test.endedAt === undefined) return false;
    if (!(AB_ARMS as readonly unknown[]).includes(test.winner)) return false;
  }
  return true;
}

/** The stored list: each test valid, ids unique, at most one running test per scenario. */
export function isAbTestList(v: unknown): v is AbTest[] {
  if (!Array.isArray(v) || v.length > AB_TESTS_MAX) return false;
  if (!v.every(isAbTest)) return false;
  if (new Set(v.map((test) => test.id)).size !== v.length) return false;
  const running = v.filter((test) => test.endedAt === undefined);
  return new Set(running.map((test) => test.scenario)).size === running.length;
}

/** The test running for a scenario, if any. */
export function runningTestFor(
  tests: readonly AbTest[],
  scenario: string,
): AbTest | undefined {
  return tests.find(
    (test) => test.endedAt === undefined && test.scenario === scenario,
  );
}

/** The template an arm of a test uses. */
export function armTemplate(test: AbTest, arm: AbArm): string {
  return arm === "A" ? test.templateA : test.templateB;
}

/** The template the latest ended test of a scenario kept as its winner, if any. */
export function keptWinnerFor(
  tests: readonly AbTest[],
  scenario: string,
): string | undefined {
  let latest: AbTest | undefined;
  for (const test of tests) {
    if (test.scenario !== scenario || test.winner === undefined) continue;
    if (!latest || test.endedAt! > latest.endedAt!) latest = test;
  }
  return latest?.winner === undefined
    ? undefined
    : armTemplate(latest, latest.winner);
}

/**
 * The list with a new test running. Refused (throws, the list untouched) while another test runs
 * for its scenario; beyond AB_TESTS_MAX the oldest ended test gives way, never a running one.
 */
export function withStartedTest(
  tests: readonly AbTest[],
  test: AbTest,
): AbTest[] {
  if (runningTestFor(tests, test.scenario))
    throw new Error(
      `PayNudge: an A/B test already runs for scenario "${test.scenario}"`,
    );
  if (tests.some((one) => one.id === test.id))
    throw new Error(`PayNudge: A/B test "${test.id}" exists`);
  const next = [...tests, test];
  while (next.length > AB_TESTS_MAX) {
    const ended = next
      .filter((one) => one.endedAt !== undefined)
      .sort((a, b) => a.endedAt! - b.endedAt!)[0];
    if (!ended) throw new Error("PayNudge: too many A/B tests running");
    next.splice(next.indexOf(ended), 1);
  }
  return next;
}

/** The list with a running test ended, keeping a winner or none; throws for an unknown or ended test. */
export function withEndedTest(
  tests: readonly AbTest[],
  id: string,
  now: number,
  winner?: AbArm,
): AbTest[] {
  const test = tests.find((one) => one.id === id);
  if (!test) throw new Error(`PayNudge: no A/B test "${id}"`);
  if (test.endedAt !== undefined)
    throw new Error(`PayNudge: A/B test "${id}" has ended`);
  const ended: AbTest = {
    ...test,
    endedAt: Math.max(now, test.startedAt),
  };
  if (winner !== undefined) ended.winner = winner;
  return tests.map((one) => (one === test ? ended : one));
}

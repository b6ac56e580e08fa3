import { describe, expect, it } from "vitest";
import {
  AB_TESTS_MAX,
  isAbTest,
  isAbTestList,
  keptWinnerFor,
  runningTestFor,
  withEndedTest,
  withStartedTest,
  type AbTest,
} from "@/lib/model/ab-test";

/* The stored A/B tests: what a valid one is, one running test per scenario, ending keeps a winner. */

const T0 = 1_764_000_000_000;
const test = (extra: Partial<AbTest> = {}): AbTest => ({
  id: "ab-1",
  scenario: "first",
  templateA: "zh-first-chat",
  templateB: "custom-x1",
  startedAt: T0,
  ...extra,
});

describe("a stored A/B test", () => {
  it("is valid running, or ended with or without a winner", () => {
    expect(isAbTest(test())).toBe(true);
    expect(isAbTest(test({ endedAt: T0 + 1 }))).toBe(true);
    expect(isAbTest(test({ endedAt: T0 + 1, winner: "B" }))).toBe(true);
  });

  it.each<[string, unknown]>([
    ["the same template twice", test({ templateB: "zh-first-chat" })],
    ["an unknown scenario", { ...test(), scenario: "payment-help" }],
    ["a template id of another shape", test({ templateA: "<b>x</b>" })],
    ["an end before its start", test({ endedAt: T0 - 1 })],
    ["a winner while it runs", test({ winner: "A" })],
    ["a winner that is no arm", { ...test({ endedAt: T0 }), winner: "C" }],
    ["a start that is no time", { ...test(), startedAt: "yesterday" }],
    ["an unknown field", { ...test(), note: "x" }],
    ["no object", "ab-1"],
    ["null", null],
  ])("is refused with %s", (_what, value) => {
    expect(isAbTest(value)).toBe(false);
    expect(isAbTestList([value])).toBe(false);
  });

  it("lists hold unique ids and at most one running test per scenario", () => {
    expect(isAbTestList([])).toBe(true);
    expect(
      isAbTestList([
        test(),
        test({ id: "ab-2", scenario: "final" }),
        test({ id: "ab-3", endedAt: T0 + 5 }),
      ]),
    ).toBe(true);
    expect(isAbTestList([test(), test({ id: "ab-2" })])).toBe(false);
    expect(isAbTestList([test(), test({ scenario: "final" })])).toBe(false);
    expect(isAbTestList({ 0: test() })).toBe(false);
  });
});

describe("starting and ending", () => {
  it("starts a test, refusing a second one running for the same scenario", () => {
    const tests = withStartedTest([], test());
    expect(runningTestFor(tests, "first")).toEqual(test());
    expect(() => withStartedTest(tests, test({ id: "ab-2" }))).toThrow(
      /already runs/,
    );
    expect(
      withStartedTest(tests, test({ id: "ab-2", scenario: "final" })),
    ).toHaveLength(2);
  });

  it("ends a running test with its winner, which becomes the scenario's kept template", () => {
    const tests = withEndedTest([test()], "ab-1", T0 + 10, "B");
    expect(tests).toEqual([test({ endedAt: T0 + 10, winner: "B" })]);
    expect(runningTestFor(tests, "first")).toBeUndefined();
    expect(keptWinnerFor(tests, "first")).toBe("custom-x1");
    expect(keptWinnerFor(tests, "final")).toBeUndefined();
    expect(() => withEndedTest(tests, "ab-1", T0 + 20)).toThrow(/ended/);
    expect(() => withEndedTest(tests, "ab-9", T0 + 20)).toThrow(/no A\/B test/);
  });

  it("ends without a winner: nothing kept, and a later winner replaces an earlier one", () => {
    const none = withEndedTest([test()], "ab-1", T0 + 10);
    expect(none[0]).not.toHaveProperty("winner");
    expect(keptWinnerFor(none, "first")).toBeUndefined();
    const first = withEndedTest([test()], "ab-1", T0 + 10, "B");
    const second = withEndedTest(
      withStartedTest(first, test({ id: "ab-2", startedAt: T0 + 20 })),
      "ab-2",
      T0 + 30,
      "A",
    );
    expect(keptWinnerFor(second, "first")).toBe("zh-first-chat");
  });

  it("keeps at most AB_TESTS_MAX, the oldest ended test giving way", () => {
    let tests: AbTest[] = [];
    for (let i = 0; i < AB_TESTS_MAX; i++)
      tests = withEndedTest(
        withStartedTest(tests, test({ id: `ab-${i}`, startedAt: T0 + i })),
        `ab-${i}`,
        T0 + 1000 + i,
      );
    const next = withStartedTest(
      tests,
      test({ id: "ab-new", startedAt: T0 + 5000 }),
    );
    expect(next).toHaveLength(AB_TESTS_MAX);
    expect(next.map((one) => one.id)).not.toContain("ab-0");
    expect(next.map((one) => one.id)).toContain("ab-new");
    expect(isAbTestList(next)).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  colleagueWarning,
  formatNote,
  formatTakeoverNote,
  latestNote,
  latestTakeover,
  memoWarning,
  nextNoteCount,
  parseNotes,
} from "@/lib/templates/notes";

const at = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).getTime();
const NOW = at(2026, 11, 23, 15, 0);
const MIN = 60_000;

describe("formatting the standard note", () => {
  it("writes time, nickname, count and feedback in local time", () => {
    expect(
      formatNote({
        at: at(2026, 11, 23, 14, 5),
        agent: "阿华",
        count: 2,
        feedback: "晚上付款",
      }),
    ).toBe("11-23 14:05 阿华 第2次 晚上付款");
    expect(
      formatNote({ at: at(2026, 1, 3, 9, 7), agent: "小美", count: 1 }),
    ).toBe("01-03 09:07 小美 第1次");
  });

  it("keeps the note on one line and parseable whatever the input", () => {
    const note = formatNote({
      at: NOW,
      agent: " 阿 华\n",
      count: 0,
      feedback: "晚上\n付款；再说",
    });
    expect(note).toBe("11-23 15:00 阿华 第1次 晚上 付款 再说");
    expect(formatNote({ at: NOW, agent: "", count: 3, feedback: "" })).toBe(
      "11-23 15:00 客服 第3次",
    );
  });

  it("parses back what it writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at(2026, 0, 1, 0, 0), max: NOW }),
        fc.stringMatching(/^[阿华小美A-Za-z_]{1,8}$/),
        fc.integer({ min: 1, max: 99 }),
        fc.stringMatching(/^[晚上付款不想要了 ]{0,12}$/),
        (t, agent, count, feedback) => {
          const minute = Math.floor(t / MIN) * MIN;
          const [note] = parseNotes(
            formatNote({ at: minute, agent, count, feedback }),
            NOW,
          );
          expect(note).toEqual({
            at: minute,
            agent,
            count,
            feedback: feedback.replace(/\s+/g, " ").trim(),
          });
        },
      ),
    );
  });
});

describe("reading notes from a memo", () => {
  it("finds every note among free text, separated by newlines, ；, or spaces", () => {
    const memo =
      "顾客要求发顺丰\n11-23 09:40 小美 第1次 未回复；11-23 14:05 阿华 第2次 晚上付款 11-23 14:30 小美 第3次\n其他备注";
    expect(parseNotes(memo, NOW)).toEqual([
      {
        at: at(2026, 11, 23, 9, 40),
        agent: "小美",
        count: 1,
        feedback: "未回复",
      },
      {
        at: at(2026, 11, 23, 14, 5),
        agent: "阿华",
        count: 2,
        feedback: "晚上付款",
      },
      { at: at(2026, 11, 23, 14, 30), agent: "小美", count: 3, feedback: "" },
    ]);
  });

  it("takes the latest year that is not in the future", () => {
    const jan = at(2027, 1, 2, 10, 0);
    expect(parseNotes("12-31 20:00 阿华 第1次 明天付款", jan)[0]!.at).toBe(
      at(2026, 12, 31, 20, 0),
    );
    expect(parseNotes("01-02 09:00 阿华 第1次", jan)[0]!.at).toBe(
      at(2027, 1, 2, 9, 0),
    );
    // A colleague's clock a few minutes ahead still means today, not last year.
    expect(parseNotes("01-02 10:05 阿华 第1次", jan)[0]!.at).toBe(
      at(2027, 1, 2, 10, 5),
    );
    expect(parseNotes("02-29 10:00 阿华 第1次", jan)[0]!.at).toBe(
      at(2024, 2, 29, 10, 0),
    );
  });

  it("accepts the variants agents type: a full date, full-width colon, Chinese counts", () => {
    expect(parseNotes("2025-11-23 14:05 阿华 第2次 晚上付款", NOW)[0]!.at).toBe(
      at(2025, 11, 23, 14, 5),
    );
    expect(
      parseNotes("11/23 14：05 阿华 第二次 晚上付款", NOW)[0],
    ).toMatchObject({ at: at(2026, 11, 23, 14, 5), count: 2 });
    expect(parseNotes("11-23 14:05 阿华 第十二次", NOW)[0]!.count).toBe(12);
  });

  it("ignores text that only resembles a note", () => {
    expect(parseNotes("13-40 14:05 阿华 第2次", NOW)).toEqual([]);
    expect(parseNotes("11-23 25:05 阿华 第2次", NOW)).toEqual([]);
    expect(parseNotes("02-30 10:00 阿华 第1次", NOW)).toEqual([]);
    expect(parseNotes("11-23 14:05 阿华 第0次", NOW)).toEqual([]);
    expect(parseNotes("11-23 14:05 阿华 已催", NOW)).toEqual([]);
    expect(parseNotes("订单号 123-45 14:05", NOW)).toEqual([]);
    expect(parseNotes(undefined, NOW)).toEqual([]);
    expect(parseNotes("", NOW)).toEqual([]);
  });

  it("never throws on hostile text and clips what it keeps", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        expect(Array.isArray(parseNotes(junk, NOW))).toBe(true);
      }),
    );
    const [note] = parseNotes(
      `11-23 14:05 ${"长".repeat(50)} 第2次 ${"很".repeat(500)}`,
      NOW,
    );
    expect(note).toBeUndefined();
    const [long] = parseNotes(
      `11-23 14:05 阿华 第2次 ${"很".repeat(500)}`,
      NOW,
    );
    expect(long!.feedback.length).toBe(60);
  });

  it("reads a 10 000-character memo full of near-misses and notes", () => {
    const chunk = "11-23 14:05 阿华 第2次 晚上付款；1-1 1:1 ";
    const memo = (chunk + "1".repeat(30) + " ").repeat(200).slice(0, 10_000);
    const started = performance.now();
    const notes = parseNotes(memo, NOW);
    // Generous bound: a backtracking regex takes seconds here, a linear one well under this.
    expect(performance.now() - started).toBeLessThan(500);
    expect(notes.length).toBeGreaterThan(150);
    expect(
      notes.every((n) => n.agent === "阿华" && n.feedback === "晚上付款"),
    ).toBe(true);
  });
});

describe("the latest note and the colleague warning", () => {
  const notes = parseNotes(
    "11-23 09:40 小美 第1次 未回复\n11-23 14:05 阿华 第2次 晚上付款",
    NOW,
  );

  it("picks the most recent note and the next count", () => {
    expect(latestNote(notes)).toMatchObject({ agent: "阿华", count: 2 });
    expect(latestNote([])).toBeUndefined();
    expect(nextNoteCount(0, notes)).toBe(3);
    expect(nextNoteCount(4, notes)).toBe(5);
    expect(nextNoteCount(0, [])).toBe(1);
  });

  it("says who reminded when and whether nudging now is inside the cooldown", () => {
    const warning = colleagueWarning(notes, {
      self: "小美",
      now: NOW,
      cooldownMs: 2 * 60 * MIN,
    });
    expect(warning).toEqual({
      at: at(2026, 11, 23, 14, 5),
      agent: "阿华",
      count: 2,
      feedback: "晚上付款",
      byColleague: true,
      insideCooldown: true,
      cooldownEndsAt: at(2026, 11, 23, 16, 5),
    });
    expect(
      colleagueWarning(notes, {
        self: "小美",
        now: at(2026, 11, 23, 16, 5),
        cooldownMs: 2 * 60 * MIN,
      })!.insideCooldown,
    ).toBe(false);
  });

  it("still warns about the agent’s own note from another machine, marked as their own", () => {
    const own = colleagueWarning(notes, {
      self: "阿华",
      now: NOW,
      cooldownMs: 60 * MIN,
    });
    expect(own).toMatchObject({ byColleague: false, insideCooldown: true });
  });

  it("has nothing to say about a memo without notes", () => {
    expect(
      memoWarning("顾客要求发顺丰", { now: NOW, cooldownMs: MIN }),
    ).toBeUndefined();
    expect(
      memoWarning("11-23 14:05 阿华 第2次 晚上付款", {
        now: NOW,
        cooldownMs: 30 * MIN,
      }),
    ).toMatchObject({
      agent: "阿华",
      insideCooldown: false,
    });
  });
});

describe("the takeover note (team mode)", () => {
  const now = new Date(2026, 11, 7, 16, 0).getTime();
  it("reads back who took the order over and when, and is no nudge", () => {
    const note = formatTakeoverNote({
      at: new Date(2026, 11, 7, 15, 20).getTime(),
      agent: "阿 华",
    });
    expect(note).toBe("12-07 15:20 阿华 接手");
    const memo = `12-07 14:05 小美 第1次 晚上付款；${note}`;
    expect(latestTakeover(memo, now)).toEqual({
      agent: "阿华",
      at: new Date(2026, 11, 7, 15, 20).getTime(),
    });
    // Not counted as a nudge: the memo still holds one nudge note.
    expect(parseNotes(memo, now)).toHaveLength(1);
    expect(nextNoteCount(0, parseNotes(memo, now))).toBe(2);
  });

  it("is the latest of several, and none in free text or a hostile memo", () => {
    const memo = "12-06 09:00 小美 接手\n12-07 10:00 阿强 接手\n买家说接手了";
    expect(latestTakeover(memo, now)?.agent).toBe("阿强");
    expect(latestTakeover("接手 接手 12-07 接手", now)).toBeUndefined();
    expect(latestTakeover(undefined, now)).toBeUndefined();
    const hostile = "1-1 1:11 ".repeat(20_000) + "x";
    expect(latestTakeover(hostile, now)).toBeUndefined();
  });
});

import { format } from "date-fns";
import { agentOrFallback } from "@/lib/templates/render";

/**
 * The standard order note, `11-23 14:05 阿华 第2次 晚上付款`: time + agent nickname + nudge count +
 * feedback. It lives in the platform's own memo, which every agent of the shop sees: it is the
 * only shared record between agents (no server), so it must both read well and parse back. Its
 * words (第…次, the 客服 stand-in) are therefore part of the format, the same whatever language an
 * agent's browser prefers: 第…次 stays here with the parser, and the stand-in is always the
 * Chinese one of agentOrFallback (the one a Chinese message uses too).
 */
export interface OrderNote {
  /** Epoch ms. Notes carry no year; parsing infers it. */
  at: number;
  agent: string;
  count: number;
  feedback: string;
}

/** Longest nickname / feedback kept; memo text is untrusted. */
const MAX_AGENT = 20;
const MAX_FEEDBACK = 60;
/** Characters that end a note in a memo, besides the start of the next note. */
const SEPARATORS = /[\r\n；;|｜]/;
/** Clocks on agents' machines drift: a note a few minutes "ahead" is still this year's. */
const CLOCK_SKEW_MS = 10 * 60_000;

function clean(text: string, max: number): string {
  return text
    .replace(/[\s\u3000]+/g, " ")
    .replace(/[\r\n；;|｜]/g, " ")
    .trim()
    .slice(0, max);
}

export function formatNote(note: {
  at: number;
  agent: string;
  count: number;
  feedback?: string;
}): string {
  // Spaces inside a nickname would make the note unparseable for colleagues.
  const agent = agentOrFallback(
    clean(note.agent, MAX_AGENT).replace(/ /g, ""),
    "zh",
  );
  const count = Math.max(1, Math.floor(note.count));
  const feedback = clean(note.feedback ?? "", MAX_FEEDBACK);
  return `${format(note.at, "MM-dd HH:mm")} ${agent} 第${count}次${feedback ? ` ${feedback}` : ""}`;
}

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 in Chinese numerals, as some agents type them (第二次, 第十二次). */
function chineseCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(
    text,
  );
  if (!m || !text) return undefined;
  const [, tens = "", ten = "", ones = ""] = m;
  if (ten)
    return (tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0);
  if (tens && !ones) return CN_DIGITS[tens];
  return undefined;
}

/*
 * One note head: date, time, nickname, count. Every quantifier is bounded or followed by a
 * fixed character, so hostile memo text costs linear time.
 */
const HEAD =
  /(?<![\d])(?:(\d{4})[-/.])?(\d{1,2})[-/.](\d{1,2})[ \t\u3000]{1,4}(\d{1,2})[:：](\d{2})[ \t\u3000]{1,4}([^\s\d][^\s]{0,19}?)[ \t\u3000]{1,4}第(\d{1,2}|[一二两三四五六七八九十]{1,3})次/g;

/** A note written with its year (some agents type the full date). */
function exactDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const date = new Date(year, month - 1, day, hour, minute);
  return date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day
    ? date.getTime()
    : undefined;
}

/** The latest local date with this month/day/time that is not in the future, as epoch ms. */
function inferYear(
  month: number,
  day: number,
  hour: number,
  minute: number,
  now: number,
): number | undefined {
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59
  )
    return undefined;
  const thisYear = new Date(now).getFullYear();
  // Eight years back always reaches a leap year for 02-29.
  for (let year = thisYear; year >= thisYear - 8; year--) {
    const date = new Date(year, month - 1, day, hour, minute);
    if (date.getMonth() !== month - 1 || date.getDate() !== day) continue;
    if (date.getTime() <= now + CLOCK_SKEW_MS) return date.getTime();
  }
  return undefined;
}

/**
 * Every standard note in a memo, in the order written. A memo may hold several notes separated by
 * newlines, '；' or plain spaces, mixed with free text; anything that is not a note is ignored.
 */
export function parseNotes(
  memo: string | null | undefined,
  now: number,
): OrderNote[] {
  if (typeof memo !== "string" || !memo) return [];
  const heads = [...memo.matchAll(HEAD)];
  const notes: OrderNote[] = [];
  heads.forEach((m, i) => {
    const [whole, year, mo, d, h, mi, agent = "", countText = ""] = m;
    const at = year
      ? exactDate(Number(year), Number(mo), Number(d), Number(h), Number(mi))
      : inferYear(Number(mo), Number(d), Number(h), Number(mi), now);
    const count = chineseCount(countText);
    if (at === undefined || count === undefined || count < 1) return;
    const start = m.index + whole.length;
    const end = heads[i + 1]?.index ?? memo.length;
    // Bounded before splitting, so a huge tail of free text is not scanned again for each note.
    const tail = memo.slice(start, Math.min(end, start + MAX_FEEDBACK * 4));
    const feedback = clean(tail.split(SEPARATORS)[0] ?? "", MAX_FEEDBACK);
    notes.push({ at, agent: agent.slice(0, MAX_AGENT), count, feedback });
  });
  return notes;
}

/** The most recent note; on a tie, the one with the higher count. */
export function latestNote(notes: readonly OrderNote[]): OrderNote | undefined {
  let best: OrderNote | undefined;
  for (const n of notes) {
    if (!best || n.at > best.at || (n.at === best.at && n.count > best.count))
      best = n;
  }
  return best;
}

/** The count the next note should carry: one past what this machine or the memo knows. */
export function nextNoteCount(
  localCount: number,
  notes: readonly OrderNote[],
): number {
  const memoCount = notes.reduce((max, n) => Math.max(max, n.count), 0);
  return Math.max(localCount, memoCount, 0) + 1;
}

export interface ColleagueWarning {
  agent: string;
  at: number;
  count: number;
  feedback: string;
  /** Written under another nickname; false when it is this agent's own (maybe from another machine). */
  byColleague: boolean;
  /** A nudge now would come too soon after that one: ask before nudging again. */
  insideCooldown: boolean;
  /** When nudging again is fine, epoch ms. */
  cooldownEndsAt: number;
}

/**
 * Who last reminded this buyer according to the memo, and whether nudging again now would be a
 * repeat inside the cooldown. Undefined when the memo holds no standard note.
 */
export function colleagueWarning(
  notes: readonly OrderNote[],
  opts: { self?: string; now: number; cooldownMs: number },
): ColleagueWarning | undefined {
  const last = latestNote(notes);
  if (!last) return undefined;
  const self = (opts.self ?? "").replace(/[\s\u3000]+/g, "");
  const cooldownEndsAt = last.at + Math.max(0, opts.cooldownMs);
  return {
    ...last,
    byColleague: !self || last.agent !== self,
    insideCooldown: opts.now < cooldownEndsAt,
    cooldownEndsAt,
  };
}

/** Shortcut from a row's memo text to the warning the badge shows. */
export function memoWarning(
  memo: string | null | undefined,
  opts: { self?: string; now: number; cooldownMs: number },
): ColleagueWarning | undefined {
  return colleagueWarning(parseNotes(memo, opts.now), opts);
}

/*
 * The takeover note (team mode, issue 17), `12-07 15:20 阿华 接手`: an agent took a buyer's order
 * over from its owner. It says who holds the order now, for every colleague's PayNudge that reads
 * the memo, and is no nudge: it carries no 第…次, so nothing counts it as one.
 */
export function formatTakeoverNote(note: {
  at: number;
  agent: string;
}): string {
  const agent = agentOrFallback(
    clean(note.agent, MAX_AGENT).replace(/ /g, ""),
    "zh",
  );
  return `${format(note.at, "MM-dd HH:mm")} ${agent} 接手`;
}

/** Bounded like HEAD: hostile memo text costs linear time. */
const TAKEOVER =
  /(?<![\d])(\d{1,2})[-/.](\d{1,2})[ \t\u3000]{1,4}(\d{1,2})[:：](\d{2})[ \t\u3000]{1,4}([^\s\d][^\s]{0,19}?)[ \t\u3000]{1,4}接手/g;

/** The latest takeover note in a memo: who took the order over, when. */
export function latestTakeover(
  memo: string | null | undefined,
  now: number,
): { agent: string; at: number } | undefined {
  if (typeof memo !== "string" || !memo) return undefined;
  let best: { agent: string; at: number } | undefined;
  for (const [, mo, d, h, mi, agent = ""] of memo.matchAll(TAKEOVER)) {
    const at = inferYear(Number(mo), Number(d), Number(h), Number(mi), now);
    if (at !== undefined && (!best || at >= best.at))
      best = { agent: agent.slice(0, MAX_AGENT), at };
  }
  return best;
}

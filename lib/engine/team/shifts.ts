import { addDays, getHours, getMinutes, set, startOfDay } from "date-fns";
import { clockTimeParts } from "@/lib/model/clock-time";
import type { Roster, Shift, TeamAgent } from "@/lib/model/team";

/*
 * Who is on shift (issue 17). A shift is a span of the agent's local wall clock, half-open
 * [from, to): on at `from`, off at `to`. Whether an agent works is a function of the local time of
 * day alone, so on the day the clocks go back an agent whose shift ends in the repeated hour goes
 * off, then on again when the hour repeats, then off again: what the wall clock says is the rule.
 */

const MINUTE_MS = 60_000;

/** Minutes since midnight of a shift's start or end, or undefined for a time that cannot be read. */
function minuteOf(time: string): number | undefined {
  const parts = clockTimeParts(time);
  return parts && parts.hour * 60 + parts.minute;
}

/**
 * Whether a shift covers a minute of the day. A shift that cannot be read covers nothing: rosters
 * are checked where they arrive, and a broken one should give an agent no hours rather than all.
 */
function covers(shift: Shift, minute: number): boolean {
  const from = minuteOf(shift.from);
  const to = minuteOf(shift.to);
  if (from === undefined || to === undefined) return false;
  if (from === to) return true; // all day
  return from < to
    ? minute >= from && minute < to
    : minute >= from || minute < to; // past midnight
}

function onAt(agent: TeamAgent, minute: number): boolean {
  return (
    agent.shifts.length === 0 ||
    agent.shifts.some((shift) => covers(shift, minute))
  );
}

const minuteOfDay = (now: number): number =>
  getHours(now) * 60 + getMinutes(now);

/** The agents on shift at `now` (the browser's local time), in roster order. */
export function agentsOnShift(roster: Roster, now: number): TeamAgent[] {
  const minute = minuteOfDay(now);
  return roster.agents.filter((agent) => onAt(agent, minute));
}

/** Who is on at a minute of the day, as one comparable value. */
const crewAt = (roster: Roster, minute: number): string =>
  roster.agents.map((agent) => (onAt(agent, minute) ? "1" : "0")).join("");

/** The minutes of the day at which some shift starts or ends (all-day shifts have none). */
function boundaryMinutes(roster: Roster): number[] {
  const minutes = new Set<number>();
  for (const agent of roster.agents)
    for (const shift of agent.shifts) {
      const from = minuteOf(shift.from);
      const to = minuteOf(shift.to);
      if (from === undefined || to === undefined || from === to) continue;
      minutes.add(from);
      minutes.add(to);
    }
  return [...minutes];
}

const tzOffset = (t: number): number => new Date(t).getTimezoneOffset();

/**
 * The moment a day's clock change happens (the first whole minute under the new offset), or
 * undefined on a day without one. Between two instants of the same offset the clock runs evenly, so
 * halving the day finds it.
 */
function clockChangeOn(
  dayStart: number,
  nextDayStart: number,
): number | undefined {
  const after = tzOffset(nextDayStart);
  if (tzOffset(dayStart) === after) return undefined;
  let lo = dayStart; // before the change
  let hi = nextDayStart; // after it
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (tzOffset(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The moments a day's clock reads a minute of the day: one on most days; two when the clocks go
 * back over it (Date resolves a repeated time to its first instant, so the second is looked for
 * under the day's later offset); and on the day the clocks go forward over it, the instant after
 * the gap, which the clock change itself stands for, so this one is a moment without a change.
 */
function wallMoments(
  day: Date,
  minute: number,
  nextDayStart: number,
): number[] {
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  const first = set(day, {
    hours,
    minutes,
    seconds: 0,
    milliseconds: 0,
  }).getTime();
  const repeatedBy = tzOffset(nextDayStart) - tzOffset(first);
  if (repeatedBy <= 0) return [first];
  const second = first + repeatedBy * MINUTE_MS;
  const reads = getHours(second) === hours && getMinutes(second) === minutes;
  return reads ? [first, second] : [first];
}

/**
 * The first moment after `now` at which the set of agents on shift changes (a whole minute, epoch
 * ms), or undefined when it never does (nobody has shifts, or they overlap into the same crew all
 * day long). The moments are the wall-clock times of the shifts' ends on today and the next two
 * days (every time of day comes round within them, even past a skipped hour), and the clock
 * changes, built from the local calendar: on a day of 23 or 25 hours, 18:00 is not 18 × 60 minutes
 * after midnight.
 */
export function nextShiftChange(
  roster: Roster,
  now: number,
): number | undefined {
  const boundaries = boundaryMinutes(roster);
  const crews = new Set(boundaries.map((minute) => crewAt(roster, minute)));
  // The crew is the same from every boundary to the next, hence all day: no change ever comes.
  if (crews.size <= 1) return undefined;

  // Day by day, so that the usual answer (today or tomorrow) reads no further. Between two
  // candidates the crew cannot change, so the first one whose crew differs from now's is the change.
  const crewNow = crewAt(roster, minuteOfDay(now));
  const today = startOfDay(now);
  for (let i = 0; i < 3; i++) {
    const day = addDays(today, i);
    const nextDayStart = addDays(today, i + 1).getTime();
    const candidates: number[] = [];
    for (const minute of boundaries)
      candidates.push(...wallMoments(day, minute, nextDayStart));
    const change = clockChangeOn(day.getTime(), nextDayStart);
    if (change !== undefined) candidates.push(change);
    candidates.sort((a, b) => a - b);
    const found = candidates.find(
      (t) => t > now && crewAt(roster, minuteOfDay(t)) !== crewNow,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

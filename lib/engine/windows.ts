import type { EngineSettings, Promotion } from "@/lib/engine/settings";
import type { DayWindow, NudgeChannel } from "@/lib/model/steps";

/*
 * Time windows as pure functions of an epoch-ms moment, in the local time of the runtime (the
 * agent's computer). Every rule here is constant between "breakpoints" (window edges and
 * midnights), so the first allowed moment at or after t is t itself or one of those breakpoints.
 */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** How far to look for an allowed moment when no close deadline bounds the search. */
export const SEARCH_HORIZON_MS = 14 * DAY;
/** A step moved back before quiet hours lands this long before they begin. */
const BEFORE_QUIET_MS = 10 * MIN;

/** A local day: [start, end) in epoch ms, from one midnight to the next. */
interface LocalDay {
  start: number;
  end: number;
}

/**
 * The local days met while planning one order (withLocalDays), so each is read from the clock's
 * calendar once: planning a 1 000-order page asks for local times of day tens of thousands of
 * times, and each reading from the calendar costs a time-zone lookup. Kept for one planning only,
 * so a time-zone change between two is always seen; outside one, nothing is kept.
 */
let days: LocalDay[] | undefined;

/** Runs `plan` with the local days it meets kept (see `days`): a planning is synchronous. */
export function withLocalDays<T>(plan: () => T): T {
  if (days) return plan();
  days = [];
  try {
    return plan();
  } finally {
    days = undefined;
  }
}

function dayOf(t: number): LocalDay {
  if (days)
    for (const day of days) if (t >= day.start && t < day.end) return day;
  const d = new Date(t);
  const day = {
    start: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    end: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
  };
  days?.push(day);
  return day;
}

/**
 * A day of exactly 24 hours has no clock change in it, so its local times are plain offsets from
 * its midnight; a day with a change (23 or 25 hours) is read from the calendar.
 */
const isPlain = (day: LocalDay) => day.end - day.start === DAY;

function localMidnight(t: number): number {
  return dayOf(t).start;
}

/** The next local midnight after the one at `dayStart`. */
function nextMidnight(dayStart: number): number {
  return dayOf(dayStart).end;
}

/** The local moment `minutes` after the midnight at `dayStart` (DST-safe: built from fields). */
function atMinute(dayStart: number, minutes: number): number {
  const day = dayOf(dayStart);
  if (isPlain(day) && minutes >= 0 && minutes <= 24 * 60)
    return day.start + minutes * MIN;
  const d = new Date(dayStart);
  return new Date(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    0,
    minutes,
  ).getTime();
}

/** Minutes (fractional) since local midnight. */
function minuteOfDay(t: number): number {
  const day = dayOf(t);
  if (isPlain(day)) return (t - day.start) / MIN;
  const d = new Date(t);
  return (
    d.getHours() * 60 +
    d.getMinutes() +
    d.getSeconds() / 60 +
    d.getMilliseconds() / 60_000
  );
}

function minuteInWindow(m: number, w: DayWindow): boolean {
  if (w.from < w.to) return m >= w.from && m < w.to;
  if (w.from > w.to) return m >= w.from || m < w.to;
  return false;
}

export function inWindow(t: number, w: DayWindow): boolean {
  return minuteInWindow(minuteOfDay(t), w);
}

export function inAnyWindow(t: number, windows: readonly DayWindow[]): boolean {
  return minuteInAnyWindow(minuteOfDay(t), windows);
}

function minuteInAnyWindow(m: number, windows: readonly DayWindow[]): boolean {
  for (const w of windows) if (minuteInWindow(m, w)) return true;
  return false;
}

/** The end of the occurrence of `w` that holds t (t must be inside it): that day's `to`, or the next day's when it wraps. */
export function windowEnd(t: number, w: DayWindow): number {
  const day = localMidnight(t);
  if (w.from > w.to && minuteOfDay(t) >= w.from)
    return atMinute(nextMidnight(day), w.to);
  return atMinute(day, w.to);
}

function dateOf(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The promotion running at t, if any: from the start of its first day to the end of its last. */
export function promotionAt(
  t: number,
  promotions: readonly Promotion[],
): Promotion | undefined {
  if (!promotions.length) return undefined;
  return promotionSpans(promotions).find(
    ({ start, end }) => t >= start && t < end,
  )?.promotion;
}

interface PromotionSpan {
  promotion: Promotion;
  from: string;
  to: string;
  start: number;
  end: number;
}

/**
 * Each promotion's span, parsed once per promotions list: planning a page asks for it at every
 * breakpoint of every step of every order. Re-parsed when an entry's dates are no longer those it
 * was parsed from.
 */
const spansOf = new WeakMap<readonly Promotion[], PromotionSpan[]>();

function promotionSpans(promotions: readonly Promotion[]): PromotionSpan[] {
  const cached = spansOf.get(promotions);
  if (
    cached &&
    cached.length === promotions.length &&
    cached.every(
      (c, i) =>
        c.promotion === promotions[i] &&
        c.from === c.promotion.from &&
        c.to === c.promotion.to,
    )
  )
    return cached;
  const spans = promotions.map((promotion) => {
    const last = dateOf(promotion.to);
    return {
      promotion,
      from: promotion.from,
      to: promotion.to,
      start: dateOf(promotion.from).getTime(),
      end: new Date(
        last.getFullYear(),
        last.getMonth(),
        last.getDate() + 1,
      ).getTime(),
    };
  });
  spansOf.set(promotions, spans);
  return spans;
}

type WindowSettings = Pick<
  EngineSettings,
  "quietHours" | "channelWindows" | "promotions" | "promoWindows"
>;

/**
 * May a nudge by this channel happen at t? During a promotion only inside the promotion windows
 * (they replace the quiet hours), otherwise never in quiet hours; a channel with windows of its own
 * (phone) only inside them as well.
 */
export function allowedAt(
  t: number,
  channel: NudgeChannel,
  s: WindowSettings,
): boolean {
  const m = minuteOfDay(t);
  const base = promotionAt(t, s.promotions)
    ? minuteInAnyWindow(m, s.promoWindows)
    : !minuteInAnyWindow(m, s.quietHours);
  if (!base) return false;
  const own = s.channelWindows[channel];
  return own === undefined || minuteInAnyWindow(m, own);
}

/** The minutes of the day where a verdict may change for the channel (window edges, midnight), ascending. */
function edgeMinutesOf(
  quietHours: readonly DayWindow[],
  promoWindows: readonly DayWindow[],
  own: readonly DayWindow[],
): number[] {
  const minutes = new Set<number>([0]);
  for (const w of [...quietHours, ...promoWindows, ...own]) {
    minutes.add(w.from);
    minutes.add(w.to % 1440);
  }
  return [...minutes].sort((a, b) => a - b);
}

interface EdgeEntry {
  lists: readonly (readonly DayWindow[])[];
  /** Each window's edges as they were when computed: a list changed in place is noticed. */
  edges: number[];
  minutes: number[];
}

/** A channel without windows of its own: one list, so its cache entry stays valid. */
const NO_WINDOWS: readonly DayWindow[] = [];
/**
 * The edge minutes once per settings object and channel: planning a page asks for them at every
 * search of every step of every order, with the same settings.
 */
const edgesOf = new WeakMap<object, Map<NudgeChannel, EdgeEntry>>();

function sameEdges(
  entry: EdgeEntry,
  lists: readonly (readonly DayWindow[])[],
): boolean {
  let i = 0;
  for (let l = 0; l < lists.length; l++) {
    if (entry.lists[l] !== lists[l]) return false;
    for (const w of lists[l]!)
      if (entry.edges[i++] !== w.from || entry.edges[i++] !== w.to)
        return false;
  }
  return i === entry.edges.length;
}

function edgeMinutes(s: WindowSettings, channel: NudgeChannel): number[] {
  const own = s.channelWindows[channel] ?? NO_WINDOWS;
  const lists = [s.quietHours, s.promoWindows, own] as const;
  let byChannel = edgesOf.get(s);
  if (!byChannel) edgesOf.set(s, (byChannel = new Map()));
  const cached = byChannel.get(channel);
  if (cached && sameEdges(cached, lists)) return cached.minutes;
  const minutes = edgeMinutesOf(s.quietHours, s.promoWindows, own);
  const edges = lists.flatMap((list) => list.flatMap((w) => [w.from, w.to]));
  byChannel.set(channel, { lists, edges, minutes });
  return minutes;
}

/** Window edges and midnights in [from, to], ascending; lazily, as most searches end within a day. */
function* breakpoints(
  from: number,
  to: number,
  s: WindowSettings,
  channel: NudgeChannel,
): Generator<number> {
  const sorted = edgeMinutes(s, channel);
  for (let day = localMidnight(from); day <= to; day = nextMidnight(day)) {
    for (const m of sorted) {
      const at = atMinute(day, m);
      if (at >= from && at <= to) yield at;
    }
  }
}

/** The first moment at or after t, and not after `limit`, when the channel is allowed. */
export function nextAllowed(
  t: number,
  channel: NudgeChannel,
  s: WindowSettings,
  limit = t + SEARCH_HORIZON_MS,
): number | undefined {
  if (t > limit) return undefined;
  if (allowedAt(t, channel, s)) return t;
  for (const b of breakpoints(t, limit, s, channel))
    if (b > t && allowedAt(b, channel, s)) return b;
  return undefined;
}

/**
 * The end of the allowed stretch holding t: the first moment after t, and not after `limit`, when
 * the channel is no longer allowed. Undefined when it stays allowed until `limit`, or t itself is
 * not allowed.
 */
export function allowedUntil(
  t: number,
  channel: NudgeChannel,
  s: WindowSettings,
  limit = t + SEARCH_HORIZON_MS,
): number | undefined {
  if (!allowedAt(t, channel, s)) return undefined;
  for (const b of breakpoints(t, limit, s, channel))
    if (b > t && !allowedAt(b, channel, s)) return b;
  return undefined;
}

/**
 * The latest allowed moment before t, and not before `floor`, placed BEFORE_QUIET_MS before the
 * forbidden stretch begins (or at the start of a shorter allowed stretch). For a step that cannot
 * move forward because the order would have closed by then.
 */
export function lastAllowedBefore(
  t: number,
  channel: NudgeChannel,
  s: WindowSettings,
  floor: number,
): number | undefined {
  if (t <= floor) return undefined;
  const points = [
    floor,
    ...[...breakpoints(floor, t, s, channel)].filter((b) => b > floor && b < t),
    t,
  ];
  // Each [points[i], points[i+1]) has one verdict; walk back to the last allowed stretch.
  for (let i = points.length - 2; i >= 0; i--) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (!allowedAt(start, channel, s)) continue;
    const at = Math.max(start, end - BEFORE_QUIET_MS);
    return at;
  }
  return undefined;
}

/** "Tomorrow morning" from now: the morning of the next day, or of today before 05:00 (still night). */
export function nextMorning(now: number, morningAt: number): number {
  const today = localMidnight(now);
  if (new Date(now).getHours() < 5 && atMinute(today, morningAt) > now)
    return atMinute(today, morningAt);
  return atMinute(nextMidnight(today), morningAt);
}

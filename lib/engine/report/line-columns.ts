import type { LineNudge, ReportLine } from "@/lib/engine/report/lines";

/*
 * Report lines (lines.ts) as they are stored and counted: in columns, numbers in typed arrays and
 * words as indexes into the block's own list of words. IndexedDB hands a typed array back as one
 * copy of its bytes, where a line kept as an object is a dozen values to rebuild: a month of a big
 * shop's lines (140 000) reads in tens of milliseconds this way, against seconds as objects, and
 * line-figures.ts counts straight from the columns, making no object per line.
 */

/** Lines in columns. */
export interface LineColumns {
  /**
   * The lines' order keys, joined by KEY_SEPARATOR (lineKeys splits them): one string to read
   * back rather than one per line, which the report needs only while some are out of date.
   */
  keys: string;
  /** The words the codes below point at (code 0: none, else index + 1). */
  words: string[];
  /** Per line: unpaidSeenAt, paidTime, amountCents, skipAt, declinedAt (NaN: none). */
  times: Float64Array;
  /** Per line: platform, shop, noSlotCause codes, flags, the end of its nudges in the nudge columns. */
  meta: Uint32Array;
  nudgeAt: Float64Array;
  /** Per nudge: channel, step, template, agent, reason codes. */
  nudgeMeta: Uint32Array;
}

/** How many numbers each line and each nudge has in each column, and the flags' bits. */
export const TIMES = 5;
export const META = 5;
export const NUDGE_META = 5;
export const ESTIMATED = 1;
export const SAW_UNPAID = 2;
export const USD = 4;

/** Never in an order key (`platform:orderId`). */
const KEY_SEPARATOR = "\u0000";

export const lineCount = (columns: LineColumns) => columns.meta.length / META;

export const lineKeys = (columns: LineColumns): string[] =>
  columns.keys === "" && lineCount(columns) === 0
    ? []
    : columns.keys.split(KEY_SEPARATOR);

const num = (value: number | undefined) => value ?? NaN;
const opt = (value: number) => (Number.isNaN(value) ? undefined : value);

export function encodeLines(lines: readonly ReportLine[]): LineColumns {
  const words: string[] = [];
  const codes = new Map<string, number>();
  const code = (word: string | undefined) => {
    if (word === undefined) return 0;
    let c = codes.get(word);
    if (c === undefined) {
      words.push(word);
      codes.set(word, (c = words.length));
    }
    return c;
  };
  let nudgeCount = 0;
  for (const line of lines) nudgeCount += line.nudges.length;
  const times = new Float64Array(lines.length * TIMES);
  const meta = new Uint32Array(lines.length * META);
  const nudgeAt = new Float64Array(nudgeCount);
  const nudgeMeta = new Uint32Array(nudgeCount * NUDGE_META);
  let n = 0;
  lines.forEach((line, i) => {
    times.set(
      [
        num(line.unpaidSeenAt),
        num(line.paidTime),
        line.amountCents,
        num(line.skipAt),
        num(line.declinedAt),
      ],
      i * TIMES,
    );
    for (const nudge of line.nudges) {
      nudgeAt[n] = nudge.at;
      nudgeMeta.set(
        [
          code(nudge.channel),
          code(nudge.step),
          code(nudge.template),
          code(nudge.agent),
          code(nudge.reason),
        ],
        n * NUDGE_META,
      );
      n += 1;
    }
    meta.set(
      [
        code(line.platform),
        code(line.shop),
        code(line.noSlotCause),
        (line.estimated ? ESTIMATED : 0) |
          (line.sawUnpaid ? SAW_UNPAID : 0) |
          (line.usd ? USD : 0),
        n,
      ],
      i * META,
    );
  });
  return {
    keys: lines.map((line) => line.key).join(KEY_SEPARATOR),
    words,
    times,
    meta,
    nudgeAt,
    nudgeMeta,
  };
}

/** The lines, but for those whose key `skip` holds. */
export function decodeLines(
  row: LineColumns,
  skip?: ReadonlySet<string>,
): ReportLine[] {
  const { words, times, meta, nudgeAt, nudgeMeta } = row;
  const keys = lineKeys(row);
  const word = (c: number) => (c === 0 ? undefined : words[c - 1]);
  const lines: ReportLine[] = [];
  let start = 0;
  for (let i = 0; i < keys.length; i++) {
    const t = i * TIMES;
    const m = i * META;
    const end = meta[m + 4]!;
    if (skip?.has(keys[i]!)) {
      start = end;
      continue;
    }
    const nudges: LineNudge[] = [];
    for (let j = start; j < end; j++) {
      const c = j * NUDGE_META;
      const nudge: LineNudge = {
        at: nudgeAt[j]!,
        channel: word(nudgeMeta[c]!) ?? "",
        step: word(nudgeMeta[c + 1]!) ?? "",
        template: word(nudgeMeta[c + 2]!) ?? "",
        agent: word(nudgeMeta[c + 3]!) ?? "",
      };
      const reason = word(nudgeMeta[c + 4]!);
      if (reason !== undefined) nudge.reason = reason;
      nudges.push(nudge);
    }
    start = end;
    const flags = meta[m + 3]!;
    const line: ReportLine = {
      key: keys[i]!,
      platform: word(meta[m]!) ?? "",
      shop: word(meta[m + 1]!) ?? "",
      estimated: (flags & ESTIMATED) !== 0,
      sawUnpaid: (flags & SAW_UNPAID) !== 0,
      amountCents: times[t + 2]!,
      usd: (flags & USD) !== 0,
      nudges,
    };
    const unpaidSeenAt = opt(times[t]!);
    const paidTime = opt(times[t + 1]!);
    const skipAt = opt(times[t + 3]!);
    const declinedAt = opt(times[t + 4]!);
    const cause = word(meta[m + 2]!);
    if (unpaidSeenAt !== undefined) line.unpaidSeenAt = unpaidSeenAt;
    if (paidTime !== undefined) line.paidTime = paidTime;
    if (cause !== undefined) line.noSlotCause = cause;
    if (skipAt !== undefined) line.skipAt = skipAt;
    if (declinedAt !== undefined) line.declinedAt = declinedAt;
    lines.push(line);
  }
  return lines;
}

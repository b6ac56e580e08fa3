import {
  armTemplate,
  keptWinnerFor,
  runningTestFor,
  type AbArm,
  type AbTest,
} from "@/lib/model/ab-test";

/*
 * Which arm of an A/B test an order is in: a pure function of its key (`platform:orderId`) and the
 * test's id, so every agent, tab and reload sees the same arm, and a new test splits afresh.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/** 32-bit FNV-1a of the UTF-8 bytes. */
function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * Murmur3's finaliser. FNV-1a's lowest bit alone is only the parity of the odd bytes (its prime is
 * odd), so sequential order numbers would fall into arms by their digits' parity; mixed first,
 * every bit of the hash decides.
 */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The order's arm in the test: an even hash is A, an odd one B. */
export function abArm(test: Pick<AbTest, "id">, orderKey: string): AbArm {
  return mix(fnv1a(`${orderKey}#${test.id}`)) % 2 === 0 ? "A" : "B";
}

/**
 * The template the A/B tests prefer for an order of a scenario: its arm's while a test runs for the
 * scenario, else the winner the latest ended test kept, else none.
 */
export function preferredTemplateId(
  tests: readonly AbTest[],
  scenario: string | undefined,
  orderKey: string,
): string | undefined {
  if (scenario === undefined) return undefined;
  const running = runningTestFor(tests, scenario);
  if (running) return armTemplate(running, abArm(running, orderKey));
  return keptWinnerFor(tests, scenario);
}

/**
 * The templates, best first, with the preferred one moved to the front: when it is among them (the
 * buyer's language) and written for the step's channel (a chat text never heads an SMS step).
 * Otherwise the ranking stands.
 */
export function preferredFirst<T extends { id: string; channel: string }>(
  templates: readonly T[],
  preferredId: string | undefined,
  channel: string | undefined,
): T[] {
  const preferred = templates.find((tpl) => tpl.id === preferredId);
  if (!preferred || (channel !== undefined && preferred.channel !== channel))
    return [...templates];
  return [preferred, ...templates.filter((tpl) => tpl !== preferred)];
}

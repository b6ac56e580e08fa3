import type { AbArm, AbTest } from "@/lib/model/ab-test";

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

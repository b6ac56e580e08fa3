/*
 * Whether the chat open on the page is with the order's buyer. Platforms mask nicknames ("牛**",
 * "t**1", "小***店") and not always the same way in the order list and in the chat, so two names
 * are the same buyer when some full nickname fits both: every visible character lines up, and a
 * run of mask characters stands for one or more hidden characters (the number of stars says
 * nothing; Taobao shows "**" whatever the length).
 */

type BuyerMatch = "same" | "different" | "unknown";

/** A nickname longer than this is not one (a selector caught a whole header, or hostile text). */
const MAX_NAME = 64;
const MASK = /[*＊]/;

/** One glob token: a visible character, or a mask run (one or more hidden characters). */
type Token = string | typeof HIDDEN;
const HIDDEN = Symbol("hidden");

/** Full-width to half-width (NFKC), lower case, no whitespace: how the same nick is shown around. */
function normalise(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

function tokens(name: string): Token[] {
  const out: Token[] = [];
  // By code point: an emoji in a nickname is one character, not two halves.
  for (const ch of Array.from(name)) {
    if (MASK.test(ch)) {
      if (out.at(-1) !== HIDDEN) out.push(HIDDEN);
    } else out.push(ch);
  }
  return out;
}

/**
 * Some nickname fits both patterns. A mask run is "any one character, then any number": the
 * classic intersection of two globs, memoised over positions (names are short).
 */
function overlap(a: readonly Token[], b: readonly Token[]): boolean {
  // Expand each mask run into ANY (exactly one) followed by STAR (zero or more).
  const ANY = 1;
  const STAR = 2;
  const expand = (ts: readonly Token[]): (string | number)[] =>
    ts.flatMap((t): (string | number)[] => (t === HIDDEN ? [ANY, STAR] : [t]));
  const x = expand(a);
  const y = expand(b);
  const memo = new Map<number, boolean>();
  const fits = (i: number, j: number): boolean => {
    const key = i * (y.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === x.length && j === y.length) result = true;
    else if (x[i] === STAR)
      // The star ends here, or swallows one more of the other side.
      result = fits(i + 1, j) || (j < y.length && fits(i, j + 1));
    else if (y[j] === STAR)
      result = fits(i, j + 1) || (i < x.length && fits(i + 1, j));
    else if (i === x.length || j === y.length) result = false;
    else
      result =
        (x[i] === ANY || y[j] === ANY || x[i] === y[j]) && fits(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return fits(0, 0);
}

/**
 * The order's buyer against the buyer of the open chat: `unknown` when either is missing, shows
 * no visible character, or is too long to be a nickname.
 */
export function sameBuyer(
  orderBuyer: string | undefined,
  chatBuyer: string | undefined,
): BuyerMatch {
  const a = normalise(orderBuyer ?? "");
  const b = normalise(chatBuyer ?? "");
  if (a.length > MAX_NAME || b.length > MAX_NAME) return "unknown";
  const ta = tokens(a);
  const tb = tokens(b);
  const visible = (ts: Token[]) => ts.some((t) => t !== HIDDEN);
  if (!visible(ta) || !visible(tb)) return "unknown";
  return overlap(ta, tb) ? "same" : "different";
}

/** The list with its item at `index` changed by `patch`; the others are kept as they are. */
export function patchAt<T extends object>(
  list: readonly T[],
  index: number,
  patch: Partial<T>,
): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

/** The list without its item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/**
 * Index of the first item for which `isAtOrAfter` holds, in a list sorted so that it is false and then true along
 * it (series by day, trials by start); `items.length` when it never holds. Binary search, so a trial looks only at its
 * own stretch of a long record instead of scanning it once per trial.
 */
export function firstIndexWhere<T>(items: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAtOrAfter(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Orders ISO dates, codes and ids by their characters (what sorting them means), the same in every browser and
 * locale; `localeCompare` would build the browser's collator on first use (tens of milliseconds of a launch) to give
 * the same order for these strings.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

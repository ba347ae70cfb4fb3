/**
 * Totals over sorted times: `sums[i]` is the total of the first i entries
 * of `times` (sorted ascending), so what fell before t, or exactly at t,
 * costs a binary search.
 */

/** The total of the entries before t (or at or before t, when `inclusive`). */
export function sumBefore(times: readonly number[], sums: readonly number[], t: number, inclusive = false): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t || (inclusive && times[mid] === t)) lo = mid + 1;
    else hi = mid;
  }
  return sums[lo]!;
}

/** The total of the entries at exactly t. */
export function sumAt(times: readonly number[], sums: readonly number[], t: number): number {
  return sumBefore(times, sums, t, true) - sumBefore(times, sums, t);
}

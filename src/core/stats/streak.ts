/**
 * Counts the current streak: consecutive study days with at least one answer,
 * ending today, or ending yesterday while today has no answer yet (the streak
 * is still alive until today ends). `daysDescending` lists study days with
 * answers, newest first, and is read only as far as the streak goes.
 */
export function currentStreak(daysDescending: Iterable<number>, today: number): number {
  let streak = 0;
  let expected: number | null = null;
  for (const day of daysDescending) {
    if (day > today) continue;
    if (expected === null) {
      if (day < today - 1) return 0;
      expected = day;
    }
    if (day !== expected) break;
    streak += 1;
    expected -= 1;
  }
  return streak;
}

/** Returns the longest run of consecutive study days in an ascending list of days with answers. */
export function longestStreak(daysAscending: Iterable<number>): number {
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const day of daysAscending) {
    run = previous !== null && day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}

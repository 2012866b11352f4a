import type { DayActivity } from '../api/stats.js';
import type { DayTotalsRow } from '../../db/repositories/stats.js';
import { formatStudyDay } from '../scheduling/studyDay.js';

/** Converts one study day's totals to the form the API sends. */
export function toDayActivity(row: DayTotalsRow): DayActivity {
  return {
    day: formatStudyDay(row.studyDay),
    answers: row.answers,
    again: row.again,
    hard: row.hard,
    good: row.good,
    easy: row.easy,
    durationMs: row.durationMs,
    newCards: row.newCards,
    reviewCards: row.reviewCards,
    passed: row.passed,
  };
}

/** Returns an empty day, for study days without answers inside a chart's range. */
export function emptyDay(studyDay: number): DayTotalsRow {
  const zero = { answers: 0, again: 0, hard: 0, good: 0, easy: 0, durationMs: 0, newCards: 0 };
  return { studyDay, ...zero, reviewCards: 0, passed: 0 };
}

/** Expands sparse rows to one row per study day from `from` to `to`, inclusive. */
export function fillDays(rows: readonly DayTotalsRow[], from: number, to: number): DayTotalsRow[] {
  const byDay = new Map(rows.map((row) => [row.studyDay, row]));
  const days: DayTotalsRow[] = [];
  for (let day = from; day <= to; day += 1) days.push(byDay.get(day) ?? emptyDay(day));
  return days;
}

export interface WeekRetention {
  /** First study day of the week. */
  start: number;
  reviewCards: number;
  passed: number;
}

/**
 * Groups days into weeks that end on `lastDay`, oldest first, so the newest
 * week is always complete up to today rather than cut at a calendar boundary.
 */
export function weeklyRetention(days: readonly DayTotalsRow[], lastDay: number, weeks: number): WeekRetention[] {
  const result: WeekRetention[] = [];
  for (let index = weeks - 1; index >= 0; index -= 1) {
    result.push({ start: lastDay - index * 7 - 6, reviewCards: 0, passed: 0 });
  }
  for (const day of days) {
    const weeksAgo = Math.floor((lastDay - day.studyDay) / 7);
    const week = result[weeks - 1 - weeksAgo];
    if (!week || weeksAgo < 0) continue;
    week.reviewCards += day.reviewCards;
    week.passed += day.passed;
  }
  return result;
}

/** Share of review-state answers rated Hard, Good or Easy; null without any. */
export function retentionOf(rows: readonly Pick<DayTotalsRow, 'reviewCards' | 'passed'>[]): number | null {
  let total = 0;
  let passed = 0;
  for (const row of rows) {
    total += row.reviewCards;
    passed += row.passed;
  }
  return total === 0 ? null : passed / total;
}

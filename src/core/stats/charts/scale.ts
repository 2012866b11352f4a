/** Axis helpers shared by every chart. */

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function plotWidth(frame: Frame): number {
  return frame.width - frame.left - frame.right;
}

export function plotHeight(frame: Frame): number {
  return frame.height - frame.top - frame.bottom;
}

/** Returns about `count` round tick values from 0 to at least `max` (1, 2 or 5 times a power of ten). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Math.round(value * 1e6) / 1e6);
    if (value >= max) break;
  }
  return ticks;
}

/** Formats a count for an axis: 1200 becomes "1.2k". */
export function formatCount(value: number): string {
  if (Math.abs(value) >= 1000) return `${Math.round(value / 100) / 10}k`;
  return String(Math.round(value * 100) / 100);
}

export function formatPercent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a study day (days since 1970-01-01 of its local date) as "Mar 4". */
export function formatShortDay(studyDay: number): string {
  const date = new Date(studyDay * 86_400_000);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

export function monthOf(studyDay: number): { month: number; name: string; dayOfMonth: number } {
  const date = new Date(studyDay * 86_400_000);
  return { month: date.getUTCMonth(), name: MONTHS[date.getUTCMonth()]!, dayOfMonth: date.getUTCDate() };
}

/** Weekday of a study day's local date, Monday 0 to Sunday 6. */
export function weekdayOf(studyDay: number): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((studyDay + 3) % 7) + 7) % 7;
}

import { formatShortDay, monthOf, type Frame } from './scale.js';

// Sized so that 10.5px labels stay near that size on the screen (about 880px wide) and in the report.
export const WIDE: Frame = { width: 880, height: 230, top: 24, right: 10, bottom: 24, left: 42 };
export const SMALL: Frame = { width: 270, height: 180, top: 12, right: 4, bottom: 22, left: 30 };

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export type Tick = { index: number; label: string };

/** Picks x-axis labels: each month's first day for long ranges, else every week or fortnight. */
export function dayTicks(days: readonly { studyDay: number }[]): Tick[] {
  if (days.length > 120) {
    return days.flatMap((day, index) => {
      const { dayOfMonth, name } = monthOf(day.studyDay);
      return dayOfMonth === 1 && index < days.length - 10 ? [{ index, label: name }] : [];
    });
  }
  const every = days.length > 45 ? 14 : 7;
  return days.flatMap((day, index) => {
    const isTick = (days.length - 1 - index) % every === 0;
    return isTick ? [{ index, label: formatShortDay(day.studyDay) }] : [];
  });
}

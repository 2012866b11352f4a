/**
 * Study days: a study day runs from the start hour (04:00 by default) of one
 * local date to the start hour of the next, in the user's current time zone.
 * A study day is stored as the number of days since 1970-01-01 of its local
 * date, so days compare and subtract as integers.
 */

const MS_PER_DAY = 86_400_000;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Returns the local wall-clock time of an instant in a time zone. */
export function wallTimeOf(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeOf(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Returns the instant at which a local date and hour begin. A wall time skipped
 * by a DST gap resolves to the first instant after the gap.
 */
export function instantOfLocalTime(dayNumber: number, hour: number, timeZone: string): number {
  const wallAsUtc = dayNumber * MS_PER_DAY + hour * 3_600_000;
  // Two passes settle the offset on either side of a DST change.
  let guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetAt(guess, timeZone);
  const wall = wallTimeOf(guess, timeZone);
  if (wall.hour < hour && dayNumberOf(wall) === dayNumber) {
    // The hour does not exist on this date (spring forward): take the end of the gap.
    return guess + 3_600_000 - ((wall.minute * 60 + wall.second) * 1000);
  }
  return guess;
}

function dayNumberOf(wall: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  return Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / MS_PER_DAY);
}

/** Returns the study day an instant belongs to. */
export function studyDayOf(instant: number, timeZone: string, startHour: number): number {
  const wall = wallTimeOf(instant, timeZone);
  const day = dayNumberOf(wall);
  return wall.hour < startHour ? day - 1 : day;
}

/** Returns the first and the first-after-last instants of a study day. */
export function studyDayBounds(studyDay: number, timeZone: string, startHour: number): { start: number; end: number } {
  return {
    start: instantOfLocalTime(studyDay, startHour, timeZone),
    end: instantOfLocalTime(studyDay + 1, startHour, timeZone),
  };
}

/** Formats a study day as its local date, `YYYY-MM-DD`. */
export function formatStudyDay(studyDay: number): string {
  return new Date(studyDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` into a study day number. */
export function parseStudyDay(text: string): number {
  return Math.floor(Date.parse(`${text}T00:00:00Z`) / MS_PER_DAY);
}

/** Returns the IANA time zone of this process, e.g. `Europe/Berlin`. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

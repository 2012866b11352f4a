const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** Formats a future instant relative to `now`, such as "in 3 hours" or "tomorrow". */
export function formatRelative(at: number, now: number = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const delta = at - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return delta > 0 ? format.format(1, 'minute') : 'now';
}

/** Formats an instant as a local date and time, such as "Fri, Dec 4, 2026, 6:00 PM". */
export function formatAbsolute(at: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Formats an instant both ways: "in 3 hours (Dec 4, 2026, 6:00 PM)". */
export function formatDueAt(at: number, now: number = Date.now()): string {
  return `${formatRelative(at, now)} (${formatAbsolute(at)})`;
}

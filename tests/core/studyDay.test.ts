import { describe, expect, it } from 'vitest';
import { formatStudyDay, studyDayBounds, studyDayOf } from '../../src/core/scheduling/studyDay.js';

const at = (iso: string) => Date.parse(iso);

describe('studyDayOf', () => {
  const cases: { name: string; instant: string; zone: string; startHour: number; day: string }[] = [
    { name: '01:00 local counts for the previous day', instant: '2026-03-10T01:00:00+01:00', zone: 'Europe/Berlin', startHour: 4, day: '2026-03-09' },
    { name: '04:00 local starts a new day', instant: '2026-03-10T04:00:00+01:00', zone: 'Europe/Berlin', startHour: 4, day: '2026-03-10' },
    { name: 'evening before UTC midnight', instant: '2026-06-01T23:30:00Z', zone: 'America/New_York', startHour: 4, day: '2026-06-01' },
    { name: 'evening after UTC midnight', instant: '2026-06-02T01:30:00Z', zone: 'America/New_York', startHour: 4, day: '2026-06-01' },
    { name: 'start hour 0 uses the calendar date', instant: '2026-06-02T00:10:00+09:00', zone: 'Asia/Tokyo', startHour: 0, day: '2026-06-02' },
    { name: 'half-hour zone', instant: '2026-06-02T03:59:00+05:30', zone: 'Asia/Kolkata', startHour: 4, day: '2026-06-01' },
  ];
  it.each(cases)('$name', ({ instant, zone, startHour, day }) => {
    expect(formatStudyDay(studyDayOf(at(instant), zone, startHour))).toBe(day);
  });
});

describe('studyDayBounds', () => {
  it('next day starts at the new local 04:00 across spring-forward', () => {
    // Europe/Berlin moves from +01:00 to +02:00 on 2026-03-29 at 02:00.
    const day = studyDayOf(at('2026-03-28T12:00:00+01:00'), 'Europe/Berlin', 4);
    const { start, end } = studyDayBounds(day, 'Europe/Berlin', 4);
    expect(new Date(start).toISOString()).toBe('2026-03-28T03:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(end - start).toBe(23 * 3_600_000);
  });

  it('next day starts at the new local 04:00 across fall-back', () => {
    // America/New_York moves from -04:00 to -05:00 on 2026-11-01 at 02:00.
    const day = studyDayOf(at('2026-10-31T12:00:00-04:00'), 'America/New_York', 4);
    const { start, end } = studyDayBounds(day, 'America/New_York', 4);
    expect(new Date(start).toISOString()).toBe('2026-10-31T08:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(end - start).toBe(25 * 3_600_000);
  });

  it('a start hour inside the DST gap resolves after the gap', () => {
    const day = studyDayOf(at('2026-03-29T12:00:00+02:00'), 'Europe/Berlin', 2);
    const { start } = studyDayBounds(day, 'Europe/Berlin', 2);
    expect(new Date(start).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('every instant of a day maps back to that day', () => {
    const zone = 'America/New_York';
    const day = studyDayOf(at('2026-11-01T12:00:00-05:00'), zone, 4);
    const { start, end } = studyDayBounds(day, zone, 4);
    for (let instant = start; instant < end; instant += 15 * 60_000) {
      expect(studyDayOf(instant, zone, 4)).toBe(day);
    }
    expect(studyDayOf(end, zone, 4)).toBe(day + 1);
  });
});

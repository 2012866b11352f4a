import { afterEach, describe, expect, it } from 'vitest';
import { currentMoment } from '../../src/core/context.js';
import { collectStats } from '../../src/core/stats/collect.js';
import { getStats } from '../../src/core/stats/service.js';
import { currentStreak, longestStreak } from '../../src/core/stats/streak.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';
import { answerAt, DAY, dayNumber, HOUR, insertInterview } from './statsFixture.js';

// Noon UTC on a Monday; every test moves the clock from here.
const MONDAY = Date.parse('2026-03-02T12:00:00Z');
let handle: TempApp;

afterEach(() => handle?.cleanup());

function open(timeZone = 'UTC'): TempApp {
  handle = openTempApp({
    decks: {
      'alpha.yaml': basicDeckYaml('alpha', 6, 'data-and-experiments'),
      'beta.yaml': basicDeckYaml('beta', 4, 'deployment-and-serving'),
    },
    start: MONDAY,
    timeZone,
  });
  return handle;
}

function stats(rangeDays = 30) {
  const context = handle.app.context;
  return collectStats(context, currentMoment(context), rangeDays);
}

function day(data: ReturnType<typeof stats>, date: string) {
  return data.yearDays.find((row) => row.studyDay === dayNumber(date));
}

describe('streak', () => {
  const today = 100;
  it.each([
    ['no study days', [], 0],
    ['today only', [100], 1],
    ['yesterday only: still alive', [99], 1],
    ['three days to today', [100, 99, 98], 3],
    ['gap breaks the run', [100, 99, 97, 96], 2],
    ['last study two days ago', [98, 97], 0],
    ['future days are ignored', [101, 100], 1],
  ])('current: %s', (_name, days, expected) => {
    expect(currentStreak(days as number[], today)).toBe(expected);
  });

  it.each([
    ['empty', [], 0],
    ['single', [5], 1],
    ['two runs', [1, 2, 3, 7, 8], 3],
    ['later run longer', [1, 3, 4, 5, 6], 4],
  ])('longest: %s', (_name, days, expected) => {
    expect(longestStreak(days as number[])).toBe(expected);
  });
});

describe('statistics on a known collection', () => {
  it('counts answers per day by rating', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 3, 4000);
    answerAt(handle, MONDAY + HOUR, 'alpha-2', 1, 6000);
    answerAt(handle, MONDAY + 2 * HOUR, 'beta-1', 4, 2000);
    answerAt(handle, MONDAY + DAY, 'alpha-3', 2, 1000);
    const data = stats();
    const monday = day(data, '2026-03-02')!;
    expect(monday).toMatchObject({ answers: 3, again: 1, hard: 0, good: 1, easy: 1, durationMs: 12_000, newCards: 3 });
    expect(day(data, '2026-03-03')).toMatchObject({ answers: 1, hard: 1, durationMs: 1000 });
    expect(day(data, '2026-03-01')!.answers).toBe(0);
  });

  it('today and streak', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 3);
    answerAt(handle, MONDAY + DAY, 'alpha-2', 3);
    answerAt(handle, MONDAY + 2 * DAY, 'alpha-3', 3, 7000);
    answerAt(handle, MONDAY + 2 * DAY + HOUR, 'alpha-4', 3, 8000);
    const data = stats();
    expect(data.today.answers).toBe(2);
    expect(data.today.durationMs).toBe(15_000);
    expect(data.today.streak).toBe(3);
    expect(data.today.longestStreak).toBe(3);
  });

  it('streak survives until today ends', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 3);
    handle.clock.now = MONDAY + DAY;
    expect(stats().today.streak).toBe(1);
    handle.clock.now = MONDAY + 2 * DAY;
    expect(stats().today.streak).toBe(0);
  });

  it('retention counts review-state answers only', () => {
    open();
    // Easy takes a new card straight to the review state.
    for (const card of ['alpha-1', 'alpha-2', 'alpha-3', 'alpha-4']) answerAt(handle, MONDAY, card, 4);
    const later = MONDAY + 40 * DAY;
    answerAt(handle, later, 'alpha-1', 3);
    answerAt(handle, later, 'alpha-2', 2);
    answerAt(handle, later, 'alpha-3', 4);
    answerAt(handle, later, 'alpha-4', 1);
    const data = stats();
    expect(data.recentRetention).toBeCloseTo(3 / 4, 10);
    const lastWeek = data.weeks[data.weeks.length - 1]!;
    expect(lastWeek).toMatchObject({ reviewCards: 4, passed: 3 });
    expect(data.weeks.slice(0, -1).every((week) => week.reviewCards === 0)).toBe(true);
  });

  it('forecast buckets due cards by study day', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 4);
    answerAt(handle, MONDAY, 'beta-1', 4);
    const data = stats();
    const dueDays = ['alpha-1', 'beta-1'].map((id) => {
      const due = handle.app.context.repositories.states.get(id)!.due;
      return Math.floor(due / DAY) - dayNumber('2026-03-02');
    });
    const expected = new Array(30).fill(0);
    for (const offset of dueDays) if (offset < 30) expected[offset] += 1;
    expect(data.forecast.map((row) => row.flashcards)).toEqual(expected);
    expect(expected.reduce((sum, count) => sum + count, 0)).toBe(2);
  });

  it('forecast puts overdue cards on today', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 4);
    handle.clock.now = MONDAY + 300 * DAY;
    expect(stats().forecast[0]!.flashcards).toBe(1);
  });

  it('card counts by state', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 4);
    answerAt(handle, MONDAY, 'alpha-2', 3);
    handle.app.db.prepare('UPDATE cards SET suspended = 1 WHERE id = ?').run('beta-4');
    expect(stats().states).toEqual({ new: 7, learning: 1, review: 1, relearning: 0, suspended: 1 });
  });

  it('readiness per family uses the scheduler', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 4);
    answerAt(handle, MONDAY, 'alpha-2', 3);
    answerAt(handle, MONDAY, 'beta-1', 4);
    handle.clock.now = MONDAY + 5 * DAY;
    const context = handle.app.context;
    const moment = currentMoment(context);
    const recall = (id: string) => moment.scheduler.retrievability(context.repositories.states.get(id)!, moment.now);
    const data = stats();
    const alpha = data.families.find((row) => row.id === 'data-and-experiments')!;
    const beta = data.families.find((row) => row.id === 'deployment-and-serving')!;
    expect(alpha).toMatchObject({ cards: 6, seen: 2 });
    expect(alpha.averageRetrievability).toBeCloseTo((recall('alpha-1') + recall('alpha-2')) / 2, 12);
    expect(alpha.neverSeenShare).toBeCloseTo(4 / 6, 12);
    expect(beta.averageRetrievability).toBeCloseTo(recall('beta-1'), 12);
    expect(beta.neverSeenShare).toBeCloseTo(3 / 4, 12);
    expect(data.decks.map((row) => row.id).sort()).toEqual(['alpha', 'beta']);
  });

  it('readiness of an unstudied family is null', () => {
    open();
    const family = stats().families.find((row) => row.id === 'deployment-and-serving')!;
    expect(family.averageRetrievability).toBeNull();
    expect(family.neverSeenShare).toBe(1);
  });

  it('retrievability histogram sums to cards seen', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 4);
    answerAt(handle, MONDAY, 'alpha-2', 1);
    handle.clock.now = MONDAY + 3 * DAY;
    const data = stats();
    expect(data.retrievability.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(data.stability.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(data.difficulty.reduce((sum, count) => sum + count, 0)).toBe(2);
  });
});

describe('interview trend', () => {
  it('coverage and score per finished session', () => {
    open();
    insertInterview(handle, 'session-b', MONDAY + 2 * DAY, [
      { cardId: 'alpha-1', keyPoints: 4, covered: 4, rating: 4 },
      { cardId: 'alpha-2', keyPoints: 2, covered: 1, rating: 2 },
    ]);
    insertInterview(handle, 'session-a', MONDAY + DAY, [{ cardId: 'beta-1', keyPoints: 4, covered: 1, rating: 1 }]);
    const trend = stats().interviews;
    expect(trend.map((point) => point.sessionId)).toEqual(['session-a', 'session-b']);
    expect(trend[0]).toMatchObject({ coverage: 0.25, score: 0, answers: 1 });
    expect(trend[1]!.coverage).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(trend[1]!.score).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });

  it('active sessions are left out', () => {
    open();
    insertInterview(handle, 'session-a', MONDAY, [{ cardId: 'beta-1', keyPoints: 2, covered: 2, rating: 3 }]);
    handle.app.db.prepare("UPDATE interview_sessions SET status = 'active', finished_at = NULL").run();
    expect(stats().interviews).toEqual([]);
  });
});

describe('study-day boundary', () => {
  // Berlin is UTC+1 in March before the DST switch; the study day starts at 04:00 local.
  const localToUtc = (date: string, time: string) => Date.parse(`${date}T${time}+01:00`);

  it.each([
    ['03:59 counts for the previous day', '03:59:00', '2026-03-02'],
    ['04:00 starts the new day', '04:00:00', '2026-03-03'],
    ['23:59 counts for the same day', '23:59:00', '2026-03-03'],
  ])('%s', (_name, time, expectedDay) => {
    open('Europe/Berlin');
    answerAt(handle, localToUtc('2026-03-03', time), 'alpha-1', 3);
    const row = handle.app.db.prepare('SELECT study_day FROM review_log').get() as { study_day: number };
    expect(row.study_day).toBe(dayNumber(expectedDay));
  });

  it('forecast days follow the DST switch', () => {
    // Berlin moves to UTC+2 at 02:00 on 2026-03-29, so study days after it start at 02:00 UTC.
    open('Europe/Berlin');
    handle.clock.now = localToUtc('2026-03-28', '12:00:00');
    const due = (card: string, instant: string) => {
      const state = handle.app.context.repositories.states.get(card)!;
      handle.app.context.repositories.states.put(card, { ...state, state: 2, stability: 10, lastReview: handle.clock.now - DAY, due: Date.parse(instant) });
    };
    due('alpha-1', '2026-03-30T03:30:00+02:00');
    due('alpha-2', '2026-03-30T04:30:00+02:00');
    due('alpha-3', '2026-03-29T03:59:00+02:00');
    const flashcards = stats().forecast.map((row) => row.flashcards);
    expect(flashcards.slice(0, 4)).toEqual([1, 1, 1, 0]);
    expect(flashcards.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('start-hour change keeps past days', () => {
    open('Europe/Berlin');
    answerAt(handle, localToUtc('2026-03-03', '02:30:00'), 'alpha-1', 3);
    handle.app.handlers.updateSettings({ dayStartHour: 0 });
    handle.clock.now = localToUtc('2026-03-03', '12:00:00');
    const data = stats();
    expect(day(data, '2026-03-02')!.answers).toBe(1);
    expect(day(data, '2026-03-03')!.answers).toBe(0);
    expect(data.today.answers).toBe(0);
  });
});

describe('statistics view', () => {
  it('draws every chart as an svg tree', () => {
    open();
    answerAt(handle, MONDAY, 'alpha-1', 3);
    const view = getStats(handle.app.context, { rangeDays: 90 });
    for (const [id, chart] of Object.entries(view.charts)) {
      expect(chart.svg.tag, id).toBe('svg');
      expect(String(chart.svg.attrs['aria-label']), id).toContain(chart.title);
    }
  });

  it('range picks the number of bars', () => {
    open();
    for (const rangeDays of [30, 90, 365] as const) {
      const view = getStats(handle.app.context, { rangeDays });
      const bars = view.charts.reviews.svg.children!.find((child) => child.attrs.class === 'chart-bars')!;
      expect(bars.children).toHaveLength(rangeDays);
    }
  });
});

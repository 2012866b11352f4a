import { createEmptyCard, forgetting_curve, fsrs, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/core/scheduling/fsrs.js';
import { tallyCards, windowOf, type DueWindow } from '../../src/core/stats/cards.js';
import type { CardStatsRow } from '../../src/db/repositories/stats.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 12);
const scheduler = createScheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumIntervalDays: 36500 });

/** Three consecutive study days from 04:00 UTC; the first starts at 0 so overdue cards count for today. */
const WINDOWS: DueWindow[] = [
  { start: 0, end: Date.UTC(2026, 11, 5, 4) },
  { start: Date.UTC(2026, 11, 5, 4), end: Date.UTC(2026, 11, 6, 4) },
  { start: Date.UTC(2026, 11, 6, 4), end: Date.UTC(2026, 11, 7, 4) },
];

/** A studied review card, due tomorrow, answered three days ago, with the given fields changed. */
function card(overrides: Partial<CardStatsRow> = {}): CardStatsRow {
  return {
    interview: 0,
    suspended: 0,
    state: 2,
    due: NOW + DAY,
    stability: 10,
    difficulty: 5,
    lastReview: NOW - 3 * DAY,
    ...overrides,
  };
}

/** Cards of one group, deck alpha in system design, as the repository returns them. */
function oneGroup(...states: CardStatsRow[]) {
  return { groups: [{ deckId: 'alpha', family: 'system-design', cards: states.length }], states };
}

describe('windowOf', () => {
  const later: DueWindow[] = [
    { start: 1000, end: 2000 },
    { start: 2000, end: 3000 },
  ];
  it.each([
    { name: 'long overdue falls in the first window', due: 5, windows: WINDOWS, expected: 0 },
    { name: 'the last instant of a window', due: WINDOWS[0]!.end - 1, windows: WINDOWS, expected: 0 },
    { name: 'the first instant of the next window', due: WINDOWS[0]!.end, windows: WINDOWS, expected: 1 },
    { name: 'the last window', due: WINDOWS[2]!.start + 5, windows: WINDOWS, expected: 2 },
    { name: 'past the last window', due: WINDOWS[2]!.end, windows: WINDOWS, expected: -1 },
    { name: 'before a first window that does not start at 0', due: 999, windows: later, expected: -1 },
    { name: 'no windows at all', due: 10, windows: [], expected: -1 },
  ])('$name', ({ due, windows, expected }) => {
    expect(windowOf(due, windows)).toBe(expected);
  });
});

describe('tallyCards', () => {
  it.each([
    { name: 'stability just under 1 day', row: card({ stability: 0.999 }), bucket: 0 },
    { name: 'stability of exactly 1 day', row: card({ stability: 1 }), bucket: 1 },
    { name: 'stability of 364.9 days', row: card({ stability: 364.9 }), bucket: 7 },
    { name: 'stability of exactly a year', row: card({ stability: 365 }), bucket: 8 },
    { name: 'stability of 36,500 days', row: card({ stability: 36_500 }), bucket: 8 },
  ])('stability bucket: $name', ({ row, bucket }) => {
    const tallies = tallyCards(oneGroup(row), scheduler, NOW, WINDOWS);
    expect(tallies.stability.indexOf(1)).toBe(bucket);
  });

  it.each([
    { difficulty: 1, bucket: 0 },
    { difficulty: 1.99, bucket: 0 },
    { difficulty: 2, bucket: 1 },
    { difficulty: 9.5, bucket: 8 },
    { difficulty: 10, bucket: 8 },
    { difficulty: 0.4, bucket: 0 },
  ])('difficulty $difficulty goes to bucket $bucket', ({ difficulty, bucket }) => {
    const tallies = tallyCards(oneGroup(card({ difficulty })), scheduler, NOW, WINDOWS);
    expect(tallies.difficulty.indexOf(1)).toBe(bucket);
  });

  it('counts a suspended card in its state group and histograms only', () => {
    const tallies = tallyCards(oneGroup(card({ suspended: 1, due: NOW })), scheduler, NOW, WINDOWS);
    expect(tallies.states).toEqual({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 1 });
    expect(tallies.stability.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(tallies.difficulty.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(tallies.retrievability.every((count) => count === 0)).toBe(true);
    expect(tallies.byDeck.get('alpha')).toEqual({ cards: 0, seen: 0, retrievabilitySum: 0, family: 'system-design' });
    expect(tallies.forecast.every((day) => day.flashcards === 0 && day.prompts === 0)).toBe(true);
  });

  it('new card counts as never seen', () => {
    const tallies = tallyCards(oneGroup(card({ state: 0, stability: 0, difficulty: 0, lastReview: null, due: NOW })), scheduler, NOW, WINDOWS);
    expect(tallies.states.new).toBe(1);
    expect(tallies.stability.every((count) => count === 0)).toBe(true);
    expect(tallies.difficulty.every((count) => count === 0)).toBe(true);
    expect(tallies.byDeck.get('alpha')).toEqual({ cards: 1, seen: 0, retrievabilitySum: 0, family: 'system-design' });
    expect(tallies.forecast[0]).toEqual({ flashcards: 0, prompts: 0 });
  });

  it('splits the forecast into flashcards and prompts per window', () => {
    const rows = [
      card({ due: NOW - 30 * DAY }),
      card({ due: WINDOWS[1]!.start, interview: 1 }),
      card({ due: WINDOWS[1]!.start + 1 }),
      card({ due: WINDOWS[2]!.end + DAY }),
    ];
    expect(tallyCards(oneGroup(...rows), scheduler, NOW, WINDOWS).forecast).toEqual([
      { flashcards: 1, prompts: 0 },
      { flashcards: 1, prompts: 1 },
      { flashcards: 0, prompts: 0 },
    ]);
  });

  it('readiness groups by card family', () => {
    const cards = {
      groups: [
        { deckId: 'mixed', family: 'behavioural', cards: 1 },
        { deckId: 'mixed', family: 'system-design', cards: 2 },
      ],
      states: [card({ lastReview: NOW, stability: 10 }), card({ lastReview: NOW - 10 * DAY }), card({ state: 0, lastReview: null })],
    };
    const tallies = tallyCards(cards, scheduler, NOW, WINDOWS);
    expect([...tallies.byFamily.keys()]).toEqual(['behavioural', 'system-design']);
    expect(tallies.byFamily.get('behavioural')).toEqual({ cards: 1, seen: 1, retrievabilitySum: 1 });
    expect(tallies.byFamily.get('system-design')!.seen).toBe(1);
    expect(tallies.byFamily.get('system-design')!.retrievabilitySum).toBeCloseTo(0.9, 8);
    expect(tallies.byDeck.get('mixed')).toMatchObject({ cards: 3, seen: 2 });
  });

  it('rejects groups that do not match the card states', () => {
    const cards = { groups: [{ deckId: 'alpha', family: 'system-design', cards: 2 }], states: [card()] };
    expect(() => tallyCards(cards, scheduler, NOW, WINDOWS)).toThrow('Card groups list 2 cards but 1 card states were read');
  });
});

describe('retrievabilityAt', () => {
  const parameters = generatorParameters({ request_retention: 0.9 });
  it.each([
    { name: 'answered just now', stability: 3.17, elapsed: 0 },
    { name: 'a minute short of one day', stability: 3.17, elapsed: DAY - 60_000 },
    { name: 'exactly one day', stability: 3.17, elapsed: DAY },
    { name: 'at its stability', stability: 12.5, elapsed: 12.5 * DAY },
    { name: 'long overdue', stability: 0.4, elapsed: 400 * DAY },
    { name: 'stability with more than 8 decimals', stability: 7.123456789123, elapsed: 9 * DAY },
  ])('follows the forgetting curve in fractional days: $name', ({ stability, elapsed }) => {
    const expected = forgetting_curve(parameters.w, elapsed / DAY, +stability.toFixed(8));
    expect(scheduler.retrievabilityAt(stability, NOW - elapsed, NOW)).toBe(expected);
  });

  it('reads 100 % when the clock is set back before the last answer', () => {
    expect(scheduler.retrievabilityAt(5, NOW + 3 * DAY, NOW)).toBe(1);
  });

  it('drops below 100 % within the day of a failed answer', () => {
    const failed = { stability: 0.2, lastReview: NOW - 3_600_000 };
    const afterHour = scheduler.retrievabilityAt(failed.stability, failed.lastReview, NOW);
    const afterTenHours = scheduler.retrievabilityAt(failed.stability, NOW - 10 * 3_600_000, NOW);
    expect(afterHour).toBeLessThan(1);
    expect(afterTenHours).toBeLessThan(afterHour);
  });

  it('matches whole-day ts-fsrs at whole days', () => {
    const engine = fsrs({ request_retention: 0.9 });
    const lastReview = NOW - 5 * DAY;
    const fsrsCard = { ...createEmptyCard(new Date(lastReview)), state: State.Review, stability: 4, difficulty: 5, last_review: new Date(lastReview) };
    expect(scheduler.retrievabilityAt(4, lastReview, NOW)).toBe(engine.get_retrievability(fsrsCard, new Date(NOW), false));
  });
});

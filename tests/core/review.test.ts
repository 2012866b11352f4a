import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerRequest } from '../../src/core/api/requests.js';
import { setCardsSuspended } from '../../src/core/browse/suspend.js';
import { currentMoment } from '../../src/core/context.js';
import { ConflictError } from '../../src/core/errors.js';
import { answerCard, getStudyStep, ratingChoices, undoAnswer } from '../../src/core/review/service.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
let handle: TempApp;
let requestCounter = 0;

function open(count = 5, timeZone = 'UTC'): TempApp {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', count) }, start: START, timeZone });
  return handle;
}

function answer(cardId: string, rating: 1 | 2 | 3 | 4, overrides: Partial<AnswerRequest> = {}) {
  requestCounter += 1;
  const request: AnswerRequest = { deckId: null, cardId, rating, requestId: `request-${requestCounter}-${Date.now()}`, durationMs: 4000, ...overrides };
  return answerCard(handle.app.context, request);
}

function logRows() {
  return handle.app.db.prepare('SELECT * FROM review_log ORDER BY id').all() as Record<string, unknown>[];
}

afterEach(() => handle?.cleanup());

describe('daily review', () => {
  it('new cards come in deck order', () => {
    open();
    const step = getStudyStep(handle.app.context, null);
    expect(step.card?.id).toBe('alpha-1');
    expect(step.remaining).toEqual({ new: 5, learning: 0, review: 0 });
  });

  it('first answer shows learning steps on the buttons', () => {
    open();
    const step = getStudyStep(handle.app.context, null);
    const labels = step.choices.map((choice) => `${choice.label} ${choice.intervalText}`);
    expect(labels.slice(0, 3)).toEqual(['Again 1m', 'Hard 6m', 'Good 10m']);
    expect(step.choices[3]!.intervalText).toMatch(/^\d+d$/);
  });

  it('same request id twice records one answer', () => {
    open();
    answer('alpha-1', 3, { requestId: 'same-request-id' });
    const stateAfterFirst = handle.app.context.repositories.states.get('alpha-1');
    answer('alpha-1', 3, { requestId: 'same-request-id' });
    expect(logRows()).toHaveLength(1);
    expect(handle.app.context.repositories.states.get('alpha-1')).toEqual(stateAfterFirst);
  });

  it('request id reused for another card is a conflict', () => {
    open();
    answer('alpha-1', 3, { requestId: 'reused-request-id' });
    expect(() => answer('alpha-2', 3, { requestId: 'reused-request-id' })).toThrow(/already used for another card/);
    expect(logRows()).toHaveLength(1);
  });

  it('undo after Good restores every state field', () => {
    open();
    // Take the card to review state first, so every field has a non-trivial value.
    answer('alpha-1', 3);
    handle.clock.now += 11 * 60_000;
    answer('alpha-1', 3);
    handle.clock.now += 3 * 86_400_000;
    const before = handle.app.context.repositories.states.get('alpha-1');
    answer('alpha-1', 3);
    expect(logRows()).toHaveLength(3);
    const step = undoAnswer(handle.app.context, null);
    expect(step.card?.id).toBe('alpha-1');
    expect(handle.app.context.repositories.states.get('alpha-1')).toEqual(before);
    expect(logRows()).toHaveLength(2);
  });

  it('undo takes answers back one at a time, latest first', () => {
    open();
    answer('alpha-1', 3);
    answer('alpha-2', 1);
    expect(undoAnswer(handle.app.context, null).card?.id).toBe('alpha-2');
    expect(undoAnswer(handle.app.context, null).card?.id).toBe('alpha-1');
    expect(() => undoAnswer(handle.app.context, null)).toThrow(/no answer from today/);
  });

  it('undo works after reopening the database', () => {
    open();
    answer('alpha-1', 4);
    handle.reopen();
    const step = undoAnswer(handle.app.context, null);
    expect(step.card?.id).toBe('alpha-1');
    expect(step.card?.state).toBe(0);
  });

  it('undo does not reach into the previous study day', () => {
    open();
    answer('alpha-1', 3);
    handle.clock.now += 86_400_000;
    expect(() => undoAnswer(handle.app.context, null)).toThrow(/no answer from today/);
  });

  it('shown interval equals applied interval with fuzz', () => {
    open(30);
    // Walk every card to a long review interval, where fuzz applies, checking each button along the way.
    for (let round = 0; round < 6; round += 1) {
      for (let index = 1; index <= 30; index += 1) {
        const cardId = `alpha-${index}`;
        const state = handle.app.context.repositories.states.get(cardId)!;
        handle.clock.now = Math.max(handle.clock.now, state.due);
        const step = getStudyStepFor(cardId);
        const rating = (((index + round) % 3) + 2) as 2 | 3 | 4;
        const shown = step.find((choice) => choice.rating === rating)!;
        answer(cardId, rating);
        const applied = handle.app.context.repositories.states.get(cardId)!;
        expect(applied.due - handle.clock.now).toBe(shown.intervalMs);
      }
    }
    const longest = Math.max(...Array.from({ length: 30 }, (_, index) => handle.app.context.repositories.states.get(`alpha-${index + 1}`)!.scheduledDays));
    expect(longest).toBeGreaterThan(30);
  });

  it('stability survives a reload unrounded', () => {
    open();
    answer('alpha-1', 3);
    handle.clock.now += 11 * 60_000;
    answer('alpha-1', 3);
    const exact = 20.49875;
    handle.app.db.prepare('UPDATE card_state SET stability = ? WHERE card_id = ?').run(exact, 'alpha-1');
    handle.clock.now += 20 * 86_400_000;
    const beforeReload = getStudyStepFor('alpha-1');
    handle.reopen();
    expect(handle.app.context.repositories.states.get('alpha-1')!.stability).toBe(exact);
    expect(getStudyStepFor('alpha-1')).toEqual(beforeReload);
  });

  it('clock moved back neither throws nor goes negative', () => {
    open();
    answer('alpha-1', 3);
    handle.clock.now -= 3_600_000;
    expect(() => answer('alpha-1', 3, { durationMs: 0 })).not.toThrow();
    const rows = logRows();
    expect(rows).toHaveLength(2);
    const state = handle.app.context.repositories.states.get('alpha-1')!;
    expect(state.due).toBeGreaterThanOrEqual(state.lastReview!);
    for (const row of rows) expect(row.duration_ms as number).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['an hour', 3_600_000],
    ['a day', 86_400_000],
  ])('undo after the clock moved back %s', (_name, backMs) => {
    open();
    answer('alpha-1', 4);
    const before = handle.app.context.repositories.states.get('alpha-2')!;
    handle.clock.now -= backMs;
    answer('alpha-2', 1);
    expect(logRows().every((row) => (row.after_scheduled_days as number) >= 0)).toBe(true);
    expect(undoAnswer(handle.app.context, null).card?.id).toBe('alpha-2');
    expect(handle.app.context.repositories.states.get('alpha-2')).toEqual(before);
  });

  it('daily new limit caps the queue', () => {
    open(5);
    handle.app.handlers.updateSettings({ newPerDay: 2 });
    expect(getStudyStep(handle.app.context, null).remaining.new).toBe(2);
    answer('alpha-1', 4);
    answer('alpha-2', 4);
    const step = getStudyStep(handle.app.context, null);
    expect(step.card).toBeNull();
    expect(step.nextDueAt).not.toBeNull();
  });

  it('unknown deck is not found', () => {
    open(1);
    expect(() => getStudyStep(handle.app.context, 'no-such-deck')).toThrow(/Deck "no-such-deck" was not found/);
  });

  it('interview prompts stay out of the daily queue', () => {
    open(1);
    handle.app.db.prepare("UPDATE cards SET kind = 'interview' WHERE id = 'alpha-1'").run();
    expect(getStudyStep(handle.app.context, null).card).toBeNull();
  });
});

/** Computes the four choices that the buttons of `cardId` show right now. */
function getStudyStepFor(cardId: string) {
  const moment = currentMoment(handle.app.context);
  return ratingChoices(moment, cardId, handle.app.context.repositories.states.get(cardId)!);
}

describe('queue order', () => {
  it('learning card within learn-ahead waits behind new cards', () => {
    open(3);
    answer('alpha-1', 3);
    // alpha-1 is now due in 10 minutes: inside the learn-ahead window, but other cards come first.
    expect(getStudyStep(handle.app.context, null).card?.id).toBe('alpha-2');
    answer('alpha-2', 3);
    answer('alpha-3', 3);
    expect(getStudyStep(handle.app.context, null).card?.id).toBe('alpha-1');
  });

  it.each([
    { name: 'a 10-minute step, inside the learn-ahead window', steps: ['1m', '10m'], learning: 1 },
    { name: 'a 1-hour step, later today', steps: ['1h', '4h'], learning: 0 },
  ])('Home counts learning cards as the queue does: $name', async ({ steps, learning }) => {
    open(1);
    await handle.app.handlers.updateSettings({ learningSteps: steps });
    answer('alpha-1', 3);
    const home = await handle.app.handlers.getHome({});
    const step = getStudyStep(handle.app.context, null);
    expect(home.totals.learning).toBe(learning);
    expect(step.remaining.learning).toBe(learning);
    expect(step.card === null).toBe(learning === 0);
    expect(home.nextDueAt).toBe(learning === 0 ? handle.app.context.repositories.states.get('alpha-1')!.due : home.nextDueAt);
  });

  it('learning card due now comes before new cards', () => {
    open(3);
    answer('alpha-1', 1);
    handle.clock.now += 61_000;
    expect(getStudyStep(handle.app.context, null).card?.id).toBe('alpha-1');
  });
});

/** Reads the newest log row of a card: the answer its current state came from. */
function latestLogRowOf(cardId: string) {
  return handle.app.db.prepare('SELECT id, rating, study_day, after_reps, after_due, after_state FROM review_log WHERE card_id = ? ORDER BY id DESC LIMIT 1').get(cardId) as
    | { id: number; rating: number; study_day: number; after_reps: number; after_due: number; after_state: number }
    | undefined;
}

/** Checks that a card's state is the state after its newest remaining answer, or new when none is left. */
function expectStateMatchesLog(cardId: string): void {
  const state = handle.app.context.repositories.states.get(cardId)!;
  const latest = latestLogRowOf(cardId);
  if (latest === undefined) {
    expect(state.reps).toBe(0);
    expect(state.state).toBe(0);
    return;
  }
  expect(state.reps).toBe(latest.after_reps);
  expect(state.due).toBe(latest.after_due);
  expect(state.state).toBe(latest.after_state);
}

describe('undo across the study-day start', () => {
  // The study day starts at 04:00 (the default), so 03:50 belongs to the previous study day.
  interface UndoCase {
    name: string;
    cards: number;
    answers: { at: string; cardId: string; rating: 1 | 2 | 3 | 4 }[];
    undoAt: string;
    /** Ratings of the log rows left after each undo, oldest first, until nothing is left to undo today. */
    remainingAfterEachUndo: number[][];
  }
  const cases: UndoCase[] = [
    {
      name: 'same study day',
      cards: 1,
      answers: [
        { at: '2026-06-02T04:05:00Z', cardId: 'alpha-1', rating: 1 },
        { at: '2026-06-02T04:07:00Z', cardId: 'alpha-1', rating: 3 },
      ],
      undoAt: '2026-06-02T04:10:00Z',
      remainingAfterEachUndo: [[1], []],
    },
    {
      name: 'clock back before the day start',
      cards: 1,
      answers: [
        { at: '2026-06-02T04:05:00Z', cardId: 'alpha-1', rating: 1 },
        { at: '2026-06-02T03:50:00Z', cardId: 'alpha-1', rating: 3 },
      ],
      undoAt: '2026-06-02T04:10:00Z',
      remainingAfterEachUndo: [[1], []],
    },
    {
      name: 'clock back, other card answered',
      cards: 2,
      answers: [
        { at: '2026-06-02T04:05:00Z', cardId: 'alpha-1', rating: 1 },
        { at: '2026-06-02T03:50:00Z', cardId: 'alpha-2', rating: 3 },
      ],
      undoAt: '2026-06-02T04:10:00Z',
      // Only alpha-1's answer is today's. The answer to alpha-2 is filed under the previous study day and stays.
      remainingAfterEachUndo: [[3]],
    },
  ];

  it.each(cases)('$name keeps state and log in step', ({ cards, answers, undoAt, remainingAfterEachUndo }) => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', cards) }, start: Date.parse(answers[0]!.at) });
    for (const step of answers) {
      handle.clock.now = Date.parse(step.at);
      answer(step.cardId, step.rating);
    }
    handle.clock.now = Date.parse(undoAt);
    for (const expected of remainingAfterEachUndo) {
      const step = undoAnswer(handle.app.context, null);
      expect(logRows().map((row) => row.rating)).toEqual(expected);
      for (let index = 1; index <= cards; index += 1) expectStateMatchesLog(`alpha-${index}`);
      expect(step.canUndo).toBe(expected !== remainingAfterEachUndo.at(-1));
    }
    expect(() => undoAnswer(handle.app.context, null)).toThrow(/no answer from today/);
  });

  it('later interview answer blocks undo', () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 1) }, start: Date.parse('2026-06-02T04:05:00Z') });
    answer('alpha-1', 1);
    const reviewRow = handle.app.context.repositories.reviews.latestOfCard('alpha-1')!;
    // A later answer from another source, filed under the previous study day.
    handle.app.context.repositories.reviews.insert({ ...reviewRow, requestId: 'interview-request', source: 'interview', studyDay: reviewRow.studyDay - 1 });
    const stateBefore = handle.app.context.repositories.states.get('alpha-1');

    expect(getStudyStep(handle.app.context, null).canUndo).toBe(false);
    expect(() => undoAnswer(handle.app.context, null)).toThrow(/no answer from today/);
    expect(logRows()).toHaveLength(2);
    expect(handle.app.context.repositories.states.get('alpha-1')).toEqual(stateBefore);
  });

  it('card answered after the clock went back shows again', () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 1) }, start: Date.parse('2026-06-02T04:05:00Z') });
    answer('alpha-1', 1);
    handle.clock.now = Date.parse('2026-06-02T03:50:00Z');
    expect(getStudyStep(handle.app.context, null).card?.id).toBe('alpha-1');
    answer('alpha-1', 3);
    handle.clock.now = Date.parse('2026-06-02T04:10:00Z');

    const step = undoAnswer(handle.app.context, null);

    expect(step.card?.id).toBe('alpha-1');
    expect(handle.app.context.repositories.states.get('alpha-1')!.reps).toBe(1);
    expect(latestLogRowOf('alpha-1')?.rating).toBe(1);
  });
});

describe('suspended and retired cards', () => {
  const inactive: { name: string; deactivate: (cardId: string) => void; message: RegExp }[] = [
    {
      name: 'suspended',
      deactivate: (cardId) => setCardsSuspended(handle.app.context, { cardIds: [cardId], suspended: true }),
      message: /Card "alpha-1" is suspended.*unsuspend it in Browse/,
    },
    {
      name: 'retired',
      deactivate: (cardId) => handle.app.context.repositories.cards.retire(cardId, handle.clock.now),
      message: /Card "alpha-1" was retired/,
    },
  ];

  it.each(inactive)('$name card cannot be answered', ({ deactivate, message }) => {
    open(2);
    deactivate('alpha-1');
    const stateBefore = handle.app.context.repositories.states.get('alpha-1');

    expect(() => answer('alpha-1', 3)).toThrow(ConflictError);
    expect(() => answer('alpha-1', 3)).toThrow(message);
    expect(logRows()).toHaveLength(0);
    expect(handle.app.context.repositories.states.get('alpha-1')).toEqual(stateBefore);
  });

  it.each(inactive)('undo of a since-$name card skips it', ({ deactivate, message }) => {
    open(2);
    answer('alpha-1', 3);
    deactivate('alpha-1');

    const step = undoAnswer(handle.app.context, null);

    expect(logRows()).toHaveLength(0);
    expect(handle.app.context.repositories.states.get('alpha-1')!.reps).toBe(0);
    expect(step.card?.id).toBe('alpha-2');
    expect(step.canUndo).toBe(false);
    expect(() => answer('alpha-1', 3)).toThrow(message);
  });

  it('undo in a one-card deck after suspending shows no card', () => {
    open(1);
    answer('alpha-1', 3);
    setCardsSuspended(handle.app.context, { cardIds: ['alpha-1'], suspended: true });

    const step = undoAnswer(handle.app.context, null);

    expect(step.card).toBeNull();
    expect(getStudyStep(handle.app.context, null).card).toBeNull();
  });

  it('retried answer of a since-suspended card is recorded once', () => {
    open(2);
    answer('alpha-1', 3, { requestId: 'retried-request' });
    setCardsSuspended(handle.app.context, { cardIds: ['alpha-1'], suspended: true });

    expect(() => answer('alpha-1', 3, { requestId: 'retried-request' })).not.toThrow();
    expect(logRows()).toHaveLength(1);
  });
});

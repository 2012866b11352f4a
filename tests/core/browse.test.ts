import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowseRequestInput } from '../../src/core/api/browse.js';
import { browseRequest } from '../../src/core/api/browse.js';
import { dispatch } from '../../src/core/api/dispatch.js';
import { getBrowseCard } from '../../src/core/browse/detail.js';
import { browseCards } from '../../src/core/browse/list.js';
import { firstLine } from '../../src/core/browse/rows.js';
import { setCardsSuspended } from '../../src/core/browse/suspend.js';
import { currentMoment } from '../../src/core/context.js';
import { getStudyStep, recordAnswer } from '../../src/core/review/service.js';
import { interviewDeckYaml, promptSpecs } from '../helpers/interviewDecks.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

const SEARCH_DECK = `id: search
title: Search cases
description: Cards whose text holds LIKE wildcards.
family: monitoring-and-retraining
cards:
  - id: search-percent
    kind: basic
    front: What does 100% uptime cost?
    back: A lot.
    sources: [{ title: Example, url: 'https://example.org/1' }]
  - id: search-percent-words
    kind: basic
    front: What does 100 percent uptime cost?
    back: Also a lot.
    sources: [{ title: Example, url: 'https://example.org/2' }]
  - id: search-underscore
    kind: basic
    front: What does snake_case mean?
    back: Words joined by underscores.
    sources: [{ title: Example, url: 'https://example.org/3' }]
  - id: search-underscore-lookalike
    kind: basic
    front: What is snakeXcase?
    back: Nothing at all.
    sources: [{ title: Example, url: 'https://example.org/4' }]
  - id: search-alias
    kind: basic
    front: |
      Which MLflow Aliases exist?

      Name two.
    back: Use C:\\temp for scratch files.
    sources: [{ title: Example, url: 'https://example.org/5' }]
`;

let handle: TempApp;
let requestCounter = 0;

function answer(cardId: string, rating: 1 | 2 | 3 | 4, source: 'review' | 'interview' = 'review'): void {
  requestCounter += 1;
  const moment = currentMoment(handle.app.context);
  recordAnswer(handle.app.context, moment, { cardId, rating, requestId: `browse-request-${requestCounter}`, durationMs: 3000, source });
}

function browse(request: BrowseRequestInput = {}) {
  return browseCards(handle.app.context, browseRequest.parse(request));
}

function ids(request: BrowseRequestInput): string[] {
  return browse(request).rows.map((row) => row.id);
}

beforeEach(() => {
  handle = openTempApp({
    decks: {
      'alpha.yaml': basicDeckYaml('alpha', 60),
      'search.yaml': SEARCH_DECK,
      'serving.yaml': interviewDeckYaml('serving', promptSpecs('serve', 3, 'rapid')),
    },
    start: START,
  });
  // alpha-1 learning, alpha-2 review, alpha-3 relearning, alpha-4 suspended.
  answer('alpha-1', 3);
  answer('alpha-2', 4);
  answer('alpha-3', 4);
  handle.clock.now = START + 30 * DAY;
  answer('alpha-3', 1);
  setCardsSuspended(handle.app.context, { cardIds: ['alpha-4'], suspended: true });
});

afterEach(() => handle.cleanup());

describe('browse filters', () => {
  const cases: { name: string; request: BrowseRequestInput; total: number; first?: string[] }[] = [
    { name: 'no filter', request: {}, total: 68 },
    { name: 'family', request: { families: ['deployment-and-serving'] }, total: 3, first: ['serve-1', 'serve-2', 'serve-3'] },
    { name: 'deck', request: { deckIds: ['search'] }, total: 5 },
    { name: 'kind', request: { kinds: ['interview'] }, total: 3 },
    { name: 'learning', request: { states: ['learning'] }, total: 1, first: ['alpha-1'] },
    { name: 'review', request: { states: ['review'] }, total: 1, first: ['alpha-2'] },
    { name: 'relearning', request: { states: ['relearning'] }, total: 1, first: ['alpha-3'] },
    { name: 'suspended', request: { states: ['suspended'] }, total: 1, first: ['alpha-4'] },
    { name: 'new in one deck', request: { states: ['new'], deckIds: ['alpha'] }, total: 56 },
    { name: 'two states', request: { states: ['learning', 'suspended'] }, total: 2, first: ['alpha-1', 'alpha-4'] },
    { name: 'two decks', request: { deckIds: ['search', 'serving'] }, total: 8 },
    { name: 'family and kind', request: { families: ['data-and-experiments'], kinds: ['interview'] }, total: 0, first: [] },
    { name: 'basic cards', request: { kinds: ['basic'] }, total: 65 },
  ];

  it.each(cases)('$name', ({ request, total, first }) => {
    const page = browse(request);

    expect(page.total).toBe(total);
    if (first) expect(page.rows.map((row) => row.id)).toEqual(first);
  });

  it('suspended card shows as suspended only', () => {
    expect(ids({ states: ['new'], deckIds: ['alpha'] })).not.toContain('alpha-4');
  });

  it('unknown deck names the deck', async () => {
    const result = await dispatch(handle.app.handlers, 'browseCards', { deckIds: ['no-such-deck'] }, testLogger);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Deck "no-such-deck" was not found');
  });

  it.each([
    { name: 'negative page', payload: { page: -1 } },
    { name: 'unknown state', payload: { states: ['buried'] } },
    { name: 'long search', payload: { search: 'x'.repeat(201) } },
    { name: 'extra field', payload: { sort: 'due' } },
  ])('rejects $name', async ({ payload }) => {
    const result = await dispatch(handle.app.handlers, 'browseCards', payload, testLogger);

    expect(result.ok ? 'ok' : result.error.code).toBe('validation');
  });
});

describe('browse search', () => {
  const cases: { search: string; expected: string[] }[] = [
    { search: '100%', expected: ['search-percent'] },
    { search: '%', expected: ['search-percent'] },
    { search: 'snake_case', expected: ['search-underscore'] },
    { search: '_', expected: ['search-underscore'] },
    { search: 'ALIASES', expected: ['search-alias'] },
    { search: '  aliases  ', expected: ['search-alias'] },
    { search: 'C:\\temp', expected: ['search-alias'] },
    { search: 'Answer 1.', expected: ['alpha-1'] },
    { search: 'handle serve-2', expected: ['serve-2'] },
    { search: 'covers rollout', expected: ['serve-1', 'serve-2', 'serve-3'] },
    { search: 'example.org', expected: [] },
  ];

  it.each(cases)('"$search"', ({ search, expected }) => {
    expect(ids({ search })).toEqual(expected);
  });

  it('question is the first line', () => {
    expect(browse({ search: 'aliases' }).rows[0]!.question).toBe('Which MLflow Aliases exist?');
  });

});

describe('browse paging', () => {
  it('pages hold fifty rows', () => {
    const pages = [0, 1, 2].map((page) => browse({ deckIds: ['alpha'], page }));

    expect(pages.map((page) => page.rows.length)).toEqual([50, 10, 0]);
    expect(pages.map((page) => page.total)).toEqual([60, 60, 60]);
  });

  it('pages follow deck order without repeats', () => {
    const rows = [0, 1].flatMap((page) => ids({ deckIds: ['alpha'], page }));

    expect(rows).toEqual(Array.from({ length: 60 }, (_, index) => `alpha-${index + 1}`));
  });
});

describe('browse rows', () => {
  it('new card has no due or retrievability', () => {
    const row = browse({ search: 'Question 9 of alpha' }).rows[0]!;

    expect(row.state).toBe('new');
    expect(row.due).toBeNull();
    expect(row.retrievability).toBeNull();
  });

  it('retrievability comes from the scheduler', () => {
    const row = browse({ states: ['review'] }).rows[0]!;
    const moment = currentMoment(handle.app.context);
    const state = handle.app.context.repositories.states.get('alpha-2')!;

    expect(row.retrievability).toBe(moment.scheduler.retrievability(state, moment.now));
    expect(row.retrievability).toBeLessThan(1);
    expect(row.reps).toBe(1);
  });

  it('relearning card counts its lapse', () => {
    expect(browse({ states: ['relearning'] }).rows[0]!.lapses).toBe(1);
  });
});

describe('suspend', () => {
  it('removes a card from the queue', () => {
    const before = getStudyStep(handle.app.context, 'search');
    setCardsSuspended(handle.app.context, { cardIds: ['search-percent'], suspended: true });
    const after = getStudyStep(handle.app.context, 'search');

    expect(before.card?.id).toBe('search-percent');
    expect(after.card?.id).toBe('search-percent-words');
    expect(after.remaining.new).toBe(before.remaining.new - 1);
  });

  it('unsuspend brings a card back', () => {
    setCardsSuspended(handle.app.context, { cardIds: ['search-percent'], suspended: true });
    setCardsSuspended(handle.app.context, { cardIds: ['search-percent'], suspended: false });

    expect(getStudyStep(handle.app.context, 'search').card?.id).toBe('search-percent');
  });

  it('counts only cards that changed', () => {
    const result = setCardsSuspended(handle.app.context, { cardIds: ['alpha-4', 'alpha-5'], suspended: true });

    expect(result.changed).toBe(1);
  });

  it('unknown card changes nothing', async () => {
    const payload = { cardIds: ['search-percent', 'no-such-card'], suspended: true };
    const result = await dispatch(handle.app.handlers, 'setCardsSuspended', payload, testLogger);

    expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
    if (!result.ok) expect(result.error.message).toContain('Card "no-such-card" was not found');
    expect(ids({ states: ['suspended'] })).toEqual(['alpha-4']);
  });
});

describe('card detail', () => {
  it('lists answers newest first', () => {
    handle.clock.now = START + 40 * DAY;
    answer('alpha-2', 3);
    const detail = getBrowseCard(handle.app.context, 'alpha-2');

    expect(detail.history.map((entry) => entry.reviewedAt)).toEqual([START + 40 * DAY, START]);
    expect(detail.history.map((entry) => entry.rating)).toEqual([3, 4]);
    expect(detail.historyTruncated).toBe(false);
  });

  it('history interval is due minus answer', () => {
    const detail = getBrowseCard(handle.app.context, 'alpha-2');
    const state = handle.app.context.repositories.states.get('alpha-2')!;

    expect(detail.history[0]!.intervalMs).toBe(state.due - START);
    expect(detail.history[0]!.intervalMs).toBeGreaterThan(DAY);
  });

  it('history names the interview source', () => {
    answer('serve-1', 3, 'interview');

    expect(getBrowseCard(handle.app.context, 'serve-1').history[0]!.source).toBe('interview');
  });

  it('interview card carries its rubric', () => {
    const { card } = getBrowseCard(handle.app.context, 'serve-2');

    expect(card.style).toBe('rapid');
    expect(card.content.kind === 'interview' ? card.content.keyPoints.length : 0).toBe(4);
  });

  it('unknown card names the card', async () => {
    const result = await dispatch(handle.app.handlers, 'getBrowseCard', { cardId: 'no-such-card' }, testLogger);

    expect(result.ok ? 'ok' : result.error.message).toContain('Card "no-such-card" was not found');
  });
});

describe('first line', () => {
  it.each([
    { text: 'One\nTwo', expected: 'One' },
    { text: '\n\n  Spaced  \nNext', expected: 'Spaced' },
    { text: 'Use `mlflow.log_model` **now**', expected: 'Use mlflow.log_model now' },
    { text: '## Heading question', expected: 'Heading question' },
    { text: 'snake_case stays', expected: 'snake_case stays' },
    { text: 'x'.repeat(300), expected: `${'x'.repeat(199)}…` },
  ])('$expected', ({ text, expected }) => {
    expect(firstLine(text)).toBe(expected);
  });
});

import { vi } from 'vitest';
import type { AppApi, BrowseCardDetail, BrowsePage, BrowseRow } from '../../src/core/api/contract.js';
import { METHOD_NAMES } from '../../src/core/api/methods.js';
import type { CardView, HomeView, StudyStep } from '../../src/core/api/views.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';

/** A basic card whose front and back name its id, so tests can tell cards apart. */
export function makeCard(id: string, overrides: Partial<CardView> = {}): CardView {
  return {
    id,
    deckId: 'mlflow',
    deckTitle: 'MLflow',
    kind: 'basic',
    family: 'data-and-experiments',
    style: null,
    tags: [],
    state: 0,
    content: {
      kind: 'basic',
      front: `Front of ${id}`,
      back: `Back of ${id}`,
      sources: [{ title: 'MLflow docs', url: 'https://mlflow.org/docs/latest/' }],
      appliesTo: 'MLflow >= 2.9',
    },
    ...overrides,
  };
}

/** A study step showing `card`, or the done state when `card` is null. */
export function makeStep(card: CardView | null, overrides: Partial<StudyStep> = {}): StudyStep {
  return {
    studyDay: '2026-12-04',
    card,
    choices:
      card === null
        ? []
        : [
            { rating: 1, label: 'Again', intervalMs: 60_000, intervalText: '1m' },
            { rating: 2, label: 'Hard', intervalMs: 600_000, intervalText: '10m' },
            { rating: 3, label: 'Good', intervalMs: 86_400_000, intervalText: '1d' },
            { rating: 4, label: 'Easy', intervalMs: 345_600_000, intervalText: '4d' },
          ],
    remaining: { new: 3, learning: 1, review: 2 },
    canUndo: false,
    nextDueAt: null,
    reviewedToday: 0,
    ...overrides,
  };
}

export function makeHome(overrides: Partial<HomeView> = {}): HomeView {
  return {
    studyDay: '2026-12-04',
    decks: [],
    totals: { new: 0, learning: 0, review: 0 },
    reviewedToday: 0,
    interviewsDue: 0,
    nextDueAt: null,
    ...overrides,
  };
}

/** A Browse list row for a new MLflow flashcard; tests override what they check. */
export function makeBrowseRow(id: string, overrides: Partial<BrowseRow> = {}): BrowseRow {
  return {
    id,
    question: `Front of ${id}`,
    deckId: 'mlflow',
    deckTitle: 'MLflow',
    family: 'data-and-experiments',
    kind: 'basic',
    style: null,
    state: 'new',
    suspended: false,
    due: null,
    reps: 0,
    lapses: 0,
    retrievability: null,
    ...overrides,
  };
}

export function makeBrowsePage(rows: BrowseRow[], overrides: Partial<BrowsePage> = {}): BrowsePage {
  return { rows, total: rows.length, page: 0, pageSize: 50, now: Date.now(), ...overrides };
}

/** The opened card of a Browse row, with no history unless given. */
export function makeBrowseDetail(row: BrowseRow, overrides: Partial<BrowseCardDetail> = {}): BrowseCardDetail {
  return {
    card: makeCard(row.id),
    row,
    stability: null,
    difficulty: null,
    lastReview: null,
    history: [],
    historyTruncated: false,
    now: Date.now(),
    ...overrides,
  };
}

/** Methods the renderer does not call yet reject, so an unexpected call fails the test. */
function unfakedMethods(): AppApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    vi.fn(async () => Promise.reject(new Error(`${method} is not faked in this test`))),
  ]);
  return Object.fromEntries(entries) as unknown as AppApi;
}

/** An AppApi of vi.fn() mocks with harmless defaults; tests replace the methods they exercise. */
export function createFakeApi() {
  return {
    ...unfakedMethods(),
    getHome: vi.fn<AppApi['getHome']>(async () => makeHome()),
    getStudyStep: vi.fn<AppApi['getStudyStep']>(async () => makeStep(makeCard('card-a'))),
    answerCard: vi.fn<AppApi['answerCard']>(async () => makeStep(makeCard('card-b'))),
    undoAnswer: vi.fn<AppApi['undoAnswer']>(async () => makeStep(makeCard('card-a'))),
    getSettings: vi.fn<AppApi['getSettings']>(async () => DEFAULT_SETTINGS),
    updateSettings: vi.fn<AppApi['updateSettings']>(async (update) => ({ ...DEFAULT_SETTINGS, ...update })),
    // Settings lists the backups on open; an empty list keeps tests of the form quiet.
    listBackups: vi.fn<AppApi['listBackups']>(async () => ({ backups: [], folder: '/data/backups', uncleanShutdown: false, checked: false, problems: [] })),
    getBrowseFilters: vi.fn<AppApi['getBrowseFilters']>(async () => ({
      decks: [{ id: 'mlflow', title: 'MLflow', family: 'data-and-experiments', cards: 2 }],
    })),
    browseCards: vi.fn<AppApi['browseCards']>(async () => makeBrowsePage([makeBrowseRow('card-a'), makeBrowseRow('card-b')])),
    getBrowseCard: vi.fn<AppApi['getBrowseCard']>(async ({ cardId }) => makeBrowseDetail(makeBrowseRow(cardId))),
    setCardsSuspended: vi.fn<AppApi['setCardsSuspended']>(async ({ suspended, cardIds }) => ({ changed: cardIds.length, suspended })),
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

/** A promise with its resolve and reject exposed, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

import type { StateCounts } from '../api/stats.js';
import type { CardGroupRow, CardStatsRow } from '../../db/repositories/stats.js';
import type { Scheduler } from '../scheduling/fsrs.js';
import { RETRIEVABILITY_BUCKETS, addToTally, emptyTally, type Tally } from './readiness.js';

// Stability buckets in days: a bucket contains values from its bound up to the next one.
export const STABILITY_BOUNDS = [0, 1, 3, 7, 14, 30, 90, 180, 365] as const;

/** Difficulty buckets 1–2 … 9–10: FSRS keeps difficulty between 1 and 10, and the top bucket includes 10. */
export const DIFFICULTY_BUCKETS = 9;

/** A study day as the instants it starts and ends; the forecast's windows are consecutive. */
export interface DueWindow {
  start: number;
  end: number;
}

export interface DueCounts {
  flashcards: number;
  prompts: number;
}

/** Everything the statistics count per card, gathered in one pass. */
export interface CardTallies {
  states: StateCounts;
  /** Studied cards per stability bucket, suspended ones included. */
  stability: number[];
  /** Studied cards per difficulty bucket, suspended ones included. */
  difficulty: number[];
  /** Studied cards in the daily review per 5 % of retrievability. */
  retrievability: number[];
  /** Readiness per family and per deck; one whose cards are all suspended has a tally of 0 cards. */
  byFamily: Map<string, Tally>;
  byDeck: Map<string, Tally & { family: string }>;
  /** Cards in the daily review due in each window. */
  forecast: DueCounts[];
}

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;

function stabilityBucket(stability: number): number {
  for (let index = STABILITY_BOUNDS.length - 1; index > 0; index -= 1) {
    if (stability >= STABILITY_BOUNDS[index]!) return index;
  }
  return 0;
}

function difficultyBucket(difficulty: number): number {
  return Math.min(Math.max(Math.trunc(difficulty), 1), DIFFICULTY_BUCKETS) - 1;
}

function retrievabilityBucket(retrievability: number): number {
  return Math.min(RETRIEVABILITY_BUCKETS - 1, Math.floor(retrievability * RETRIEVABILITY_BUCKETS));
}

/** Returns the window a due instant falls in, or -1 outside them. The first window may start at 0 to take overdue cards. */
export function windowOf(due: number, windows: readonly DueWindow[]): number {
  let low = 0;
  let high = windows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (due < windows[middle]!.end) high = middle;
    else low = middle + 1;
  }
  return low < windows.length && due >= windows[low]!.start ? low : -1;
}

function emptyTallies(windows: number): CardTallies {
  return {
    states: { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 },
    stability: new Array<number>(STABILITY_BOUNDS.length).fill(0),
    difficulty: new Array<number>(DIFFICULTY_BUCKETS).fill(0),
    retrievability: new Array<number>(RETRIEVABILITY_BUCKETS).fill(0),
    byFamily: new Map(),
    byDeck: new Map(),
    forecast: Array.from({ length: windows }, () => ({ flashcards: 0, prompts: 0 })),
  };
}

function countMemory(tallies: CardTallies, row: CardStatsRow): void {
  tallies.stability[stabilityBucket(row.stability)]! += 1;
  tallies.difficulty[difficultyBucket(row.difficulty)]! += 1;
}

/** Adds a card of the daily review to its family and deck. New cards count as never seen, not as 0 %. */
function countReadiness(tallies: CardTallies, family: Tally, deck: Tally, retrievability: number | null): void {
  addToTally(family, retrievability);
  addToTally(deck, retrievability);
  if (retrievability !== null) tallies.retrievability[retrievabilityBucket(retrievability)]! += 1;
}

/** Returns the family and deck tallies a group adds to, creating them on first use. */
function groupTallies(tallies: CardTallies, group: CardGroupRow): GroupTallies {
  let family = tallies.byFamily.get(group.family);
  if (!family) tallies.byFamily.set(group.family, (family = emptyTally()));
  let deck = tallies.byDeck.get(group.deckId);
  if (!deck) tallies.byDeck.set(group.deckId, (deck = { ...emptyTally(), family: group.family }));
  return { family, deck };
}

function countDue(tallies: CardTallies, row: CardStatsRow, windows: readonly DueWindow[]): void {
  const index = windowOf(row.due, windows);
  if (index < 0) return;
  const day = tallies.forecast[index]!;
  if (row.interview === 1) day.prompts += 1;
  else day.flashcards += 1;
}

function countCard(tallies: CardTallies, row: CardStatsRow, group: GroupTallies, context: PassContext): void {
  const state = row.state;
  const suspended = row.suspended === 1;
  tallies.states[suspended ? 'suspended' : (STATE_NAMES[state] ?? 'new')] += 1;
  if (state > 0) countMemory(tallies, row);
  if (suspended) return;

  const lastReview = row.lastReview;
  const seen = state > 0 && lastReview !== null;
  const retrievability = seen ? context.scheduler.retrievabilityAt(row.stability, lastReview, context.now) : null;
  countReadiness(tallies, group.family, group.deck, retrievability);
  if (state > 0) countDue(tallies, row, context.windows);
}

interface GroupTallies {
  family: Tally;
  deck: Tally;
}

interface PassContext {
  scheduler: Scheduler;
  now: number;
  windows: readonly DueWindow[];
}

/**
 * Walks every card that is not retired once, group by group: state counts,
 * the memory histograms, readiness and the due forecast. Retrievability comes
 * from the scheduler, the one module that computes the forgetting curve.
 */
export function tallyCards(
  cards: { groups: readonly CardGroupRow[]; states: readonly CardStatsRow[] },
  scheduler: Scheduler,
  now: number,
  windows: readonly DueWindow[],
): CardTallies {
  const grouped = cards.groups.reduce((sum, group) => sum + group.cards, 0);
  if (grouped !== cards.states.length) {
    throw new Error(`Card groups list ${grouped} cards but ${cards.states.length} card states were read; both must come from one read.`);
  }
  const tallies = emptyTallies(windows.length);
  const context: PassContext = { scheduler, now, windows };
  let offset = 0;
  for (const group of cards.groups) {
    const groupTally = groupTallies(tallies, group);
    const end = offset + group.cards;
    for (let index = offset; index < end; index += 1) countCard(tallies, cards.states[index]!, groupTally, context);
    offset = end;
  }
  return tallies;
}

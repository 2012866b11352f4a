/**
 * The one module that talks to ts-fsrs (5.4). Everything else works with
 * MemoryState, our camelCase copy of the card state with epoch-millisecond times.
 */
import { fsrs, GenSeedStrategyWithCardId, Rating, State, StrategyMode, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import type { MemoryStateRow } from '../../db/repositories/types.js';

export type MemoryState = MemoryStateRow;

export type RatingValue = 1 | 2 | 3 | 4;
export const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<RatingValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export const CARD_STATES = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning } as const;

export interface SchedulerOptions {
  desiredRetention: number;
  learningSteps: string[];
  relearningSteps: string[];
  maximumIntervalDays: number;
  enableFuzz?: boolean;
}

type SeededCard = Card & { card_id: string };

export interface Scheduler {
  /** The state each rating would give, computed exactly as `next` computes it. */
  preview(cardId: string, state: MemoryState, now: number): Record<RatingValue, MemoryState>;
  next(cardId: string, state: MemoryState, now: number, rating: RatingValue): MemoryState;
  /** The chance of recall at `now`, 0 for a new card. */
  retrievability(state: MemoryState, now: number): number;
  /**
   * The same figure for a studied card from its two inputs alone, for passes
   * over every card that should not build a state object per card.
   */
  retrievabilityAt(stability: number, lastReview: number, now: number): number;
}

const DAY_MS = 86_400_000;

/** The state of a card that has never been answered. */
export function newMemoryState(now: number): MemoryState {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: State.New,
    lastReview: null,
  };
}

function toCard(cardId: string, state: MemoryState): SeededCard {
  return {
    card_id: cardId,
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as State,
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

function fromCard(card: Card): MemoryState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/**
 * A review time that never lies before the card's last review: after the clock
 * moves backwards, scheduling treats the answer as given at the last review,
 * so no interval comes out negative.
 */
function reviewTime(state: MemoryState, now: number): Date {
  return new Date(Math.max(now, state.lastReview ?? now));
}

/** Builds a scheduler for the user's settings; fuzz is seeded from card id and review count, never the clock. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const engine: FSRS = fsrs({
    request_retention: options.desiredRetention,
    maximum_interval: options.maximumIntervalDays,
    enable_fuzz: options.enableFuzz ?? true,
    enable_short_term: true,
    learning_steps: options.learningSteps as StepUnit[],
    relearning_steps: options.relearningSteps as StepUnit[],
  }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('card_id'));

  // Elapsed time counts in fractional days. ts-fsrs's get_retrievability rounds it down to whole
  // days, which keeps every card answered today at 100 %, even one failed a minute ago. A clock set
  // back reads as no time passed. The stability is rounded to 8 decimals as ts-fsrs does.
  const retrievabilityAt = (stability: number, lastReview: number, now: number): number => {
    const elapsedDays = Math.max(now - lastReview, 0) / DAY_MS;
    return engine.forgetting_curve(elapsedDays, +stability.toFixed(8));
  };

  return {
    preview(cardId, state, now) {
      const preview = engine.repeat(toCard(cardId, state), reviewTime(state, now));
      return {
        1: fromCard(preview[Rating.Again].card),
        2: fromCard(preview[Rating.Hard].card),
        3: fromCard(preview[Rating.Good].card),
        4: fromCard(preview[Rating.Easy].card),
      };
    },
    next(cardId, state, now, rating) {
      return fromCard(engine.next(toCard(cardId, state), reviewTime(state, now), rating as Grade).card);
    },
    retrievability(state, now) {
      if (state.state === State.New || state.lastReview === null) return 0;
      return retrievabilityAt(state.stability, state.lastReview, now);
    },
    retrievabilityAt,
  };
}

/** Formats an interval for a button: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
export function formatInterval(ms: number): string {
  const minutes = Math.max(0, ms) / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimDecimal(days / 30)}mo`;
  return `${trimDecimal(days / 365)}y`;
}

function trimDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

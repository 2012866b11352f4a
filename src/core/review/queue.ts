import type { CoreContext, Moment } from '../context.js';
import type { QueueCountsView } from '../api/views.js';

/** Learning cards due within this window are shown now rather than making the user wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** How many new and review cards today's limits still allow. */
export function remainingLimits(context: CoreContext, moment: Moment): { newCards: number; reviews: number } {
  const done = context.repositories.reviews.countsOfDay(moment.studyDay);
  return {
    newCards: Math.max(0, moment.settings.newPerDay - done.newCards),
    reviews: Math.max(0, moment.settings.reviewsPerDay - done.reviews),
  };
}

/** Counts what is left today: learning cards due now, reviews due today and new cards, within the limits. */
export function queueCounts(context: CoreContext, moment: Moment, deckId: string | null): QueueCountsView {
  const raw = context.repositories.queue.counts(deckId, moment.now + LEARN_AHEAD_MS, moment.dayEnd);
  const limits = remainingLimits(context, moment);
  return {
    learning: raw.learning,
    review: Math.min(raw.review, limits.reviews),
    new: Math.min(raw.new, limits.newCards),
  };
}

/**
 * Picks the next card: learning cards due now, then reviews due before the
 * study day ends, then new cards. Learning cards due within the learn-ahead
 * window come last, as in Anki, so a card answered a moment ago does not
 * return at once while other cards wait.
 */
export function nextCardId(context: CoreContext, moment: Moment, deckId: string | null): string | null {
  const queue = context.repositories.queue;
  const learning = queue.firstLearning(deckId, moment.now);
  if (learning !== null) return learning;
  const limits = remainingLimits(context, moment);
  if (limits.reviews > 0) {
    const review = queue.firstReview(deckId, moment.dayEnd);
    if (review !== null) return review;
  }
  if (limits.newCards > 0) {
    const fresh = queue.firstNew(deckId);
    if (fresh !== null) return fresh;
  }
  return queue.firstLearning(deckId, moment.now + LEARN_AHEAD_MS);
}

/**
 * When the next card becomes available once nothing is left now: the next due
 * learning or review card, or the next study day when new cards wait for tomorrow's limit.
 */
export function nextAvailableAt(context: CoreContext, moment: Moment, deckId: string | null): number | null {
  const nextDue = context.repositories.queue.nextDue(deckId, moment.now + LEARN_AHEAD_MS);
  const raw = context.repositories.queue.counts(deckId, moment.now, moment.dayEnd);
  const waiting = raw.new > 0 || raw.review > 0 ? moment.dayEnd : null;
  if (nextDue === null) return waiting;
  if (waiting === null) return nextDue;
  return Math.min(nextDue, waiting);
}

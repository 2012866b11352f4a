import { inTransaction } from '../../db/connection.js';
import type { CardRow, MemoryStateRow, ReviewSource } from '../../db/repositories/types.js';
import type { AnswerRequest } from '../api/requests.js';
import type { RatingChoice, StudyStep } from '../api/views.js';
import { currentMoment, type CoreContext, type Moment } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { formatInterval, RATING_LABELS, RATINGS, type RatingValue } from '../scheduling/fsrs.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { loadCardView } from './cardView.js';
import { nextAvailableAt, nextCardId, queueCounts } from './queue.js';
import { findUndoTarget } from './undo.js';

/** The four buttons of a card, each with the interval its answer will apply. */
export function ratingChoices(moment: Moment, cardId: string, state: MemoryStateRow): RatingChoice[] {
  const preview = moment.scheduler.preview(cardId, state, moment.now);
  const reviewTime = Math.max(moment.now, state.lastReview ?? moment.now);
  return RATINGS.map((rating) => {
    const intervalMs = preview[rating].due - reviewTime;
    return { rating, label: RATING_LABELS[rating], intervalMs, intervalText: formatInterval(intervalMs) };
  });
}

function stepFor(context: CoreContext, moment: Moment, deckId: string | null, cardId: string | null): StudyStep {
  const reviews = context.repositories.reviews;
  const canUndo = findUndoTarget(context.repositories, moment.studyDay) !== null;
  const reviewedToday = reviews.countsOfDay(moment.studyDay).answers;
  const base = { studyDay: formatStudyDay(moment.studyDay), remaining: queueCounts(context, moment, deckId), canUndo, reviewedToday };
  if (cardId === null) {
    return { ...base, card: null, choices: [], nextDueAt: nextAvailableAt(context, moment, deckId) };
  }
  const state = context.repositories.states.get(cardId);
  if (!state) throw new NotFoundError(`Card "${cardId}" has no schedule yet. Restart Rehearse to sync the decks.`);
  return { ...base, card: loadCardView(context, cardId), choices: ratingChoices(moment, cardId, state), nextDueAt: null };
}

/** Returns the next card of today's queue for all decks or one deck, with its four choices. */
export function getStudyStep(context: CoreContext, deckId: string | null): StudyStep {
  if (deckId !== null && context.repositories.decks.get(deckId) === null) {
    throw new NotFoundError(`Deck "${deckId}" was not found. Go back to Home and pick a deck from the list.`);
  }
  const moment = currentMoment(context);
  return stepFor(context, moment, deckId, nextCardId(context, moment, deckId));
}

export interface RecordAnswerInput {
  cardId: string;
  rating: RatingValue;
  requestId: string;
  durationMs: number;
  source: ReviewSource;
}

/**
 * Rejects an answer to a retired card, or to a suspended card from the daily
 * review. A mock interview may still score a prompt suspended after the session
 * picked it, because the session was planned while the prompt was active.
 */
function assertAnswerable(card: CardRow, source: ReviewSource): void {
  if (card.retiredAt !== null) {
    throw new ConflictError(`Card "${card.id}" was retired because its deck file no longer contains it, so it cannot be answered. Reload to get the current queue.`);
  }
  if (card.suspended && source === 'review') {
    throw new ConflictError(`Card "${card.id}" is suspended, so it cannot be answered. To study it again, unsuspend it in Browse.`);
  }
}

/**
 * Schedules and records one answer in one transaction: read the state, compute
 * the next one with FSRS, write it, append the log row. A request id that was
 * already recorded returns without a second step of scheduling.
 */
export function recordAnswer(context: CoreContext, moment: Moment, input: RecordAnswerInput): { duplicate: boolean } {
  const { repositories } = context;
  return inTransaction(context.db, () => {
    const earlier = repositories.reviews.findByRequestId(input.requestId);
    if (earlier) {
      if (earlier.cardId !== input.cardId) {
        throw new ConflictError(`Request id "${input.requestId}" was already used for another card; send a new id for each answer.`);
      }
      return { duplicate: true };
    }
    const card = repositories.cards.get(input.cardId);
    if (!card) throw new NotFoundError(`Card "${input.cardId}" was not found. Reload to get the current queue.`);
    assertAnswerable(card, input.source);
    const before = repositories.states.get(input.cardId);
    if (!before) throw new NotFoundError(`Card "${input.cardId}" has no schedule yet. Restart Rehearse to sync the decks.`);
    const scheduler = card.kind === 'interview' ? moment.promptScheduler : moment.scheduler;
    const after = scheduler.next(input.cardId, before, moment.now, input.rating);
    repositories.states.put(input.cardId, after);
    repositories.reviews.insert({
      requestId: input.requestId,
      cardId: input.cardId,
      rating: input.rating,
      reviewedAt: moment.now,
      durationMs: Math.max(0, Math.round(input.durationMs)),
      studyDay: moment.studyDay,
      source: input.source,
      before,
      after,
    });
    return { duplicate: false };
  });
}

/** Answers a daily-review card and returns the next step. */
export function answerCard(context: CoreContext, request: AnswerRequest): StudyStep {
  const moment = currentMoment(context);
  const card = context.repositories.cards.get(request.cardId);
  if (card && card.kind !== 'basic') {
    throw new ValidationError(`Card "${request.cardId}" is an interview prompt; answer it in a mock interview.`);
  }
  recordAnswer(context, moment, { ...request, source: 'review' });
  return stepFor(context, moment, request.deckId, nextCardId(context, moment, request.deckId));
}

/**
 * Takes back the latest daily-review answer of the current study day, picked by
 * findUndoTarget, which also covers a clock set back across the day start. Restores
 * the exact state stored before the answer (due included) and deletes its log row.
 * The returned step shows that card again, unless it was suspended or retired
 * since. Then it shows the next card of the queue, as getStudyStep would.
 */
export function undoAnswer(context: CoreContext, deckId: string | null): StudyStep {
  const moment = currentMoment(context);
  const undone = inTransaction(context.db, () => {
    const target = findUndoTarget(context.repositories, moment.studyDay);
    if (!target) throw new NotFoundError('There is no answer from today left to undo.');
    context.repositories.states.put(target.cardId, target.before);
    context.repositories.reviews.delete(target.id);
    return target;
  });
  context.logger.info('answer undone', { cardId: undone.cardId, studyDay: undone.studyDay, currentStudyDay: moment.studyDay });
  const card = context.repositories.cards.get(undone.cardId);
  const studiable = card !== null && card.kind === 'basic' && !card.suspended && card.retiredAt === null;
  return stepFor(context, moment, deckId, studiable ? undone.cardId : nextCardId(context, moment, deckId));
}

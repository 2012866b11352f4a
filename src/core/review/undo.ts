import type { Repositories } from '../../db/repositories/index.js';
import type { ReviewLogRow } from '../../db/repositories/types.js';

/**
 * Picks the answer that undo takes back on `studyDay`, or null when there is none.
 *
 * Undo restores the state stored before an answer. That is only correct for the
 * card's latest answer, because for an older one the later answers' effect would
 * vanish while their log rows stay. Today's latest daily-review answer is normally
 * its card's latest. It is not when the clock went back across the study-day start
 * and the card was answered again, since that answer is filed under the previous
 * study day. Undo then takes back that later answer first. The card's state came
 * from it and the user gave it last, so undo still goes latest first, and the next
 * undo reaches today's answer. When the card's latest answer came from a mock
 * interview, the review screen must not take it back, so nothing is undone.
 */
export function findUndoTarget(repositories: Repositories, studyDay: number): ReviewLogRow | null {
  const latestOfDay = repositories.reviews.latestOfDay(studyDay, 'review');
  if (latestOfDay === null) return null;
  const latestOfCard = repositories.reviews.latestOfCard(latestOfDay.cardId);
  if (latestOfCard === null || latestOfCard.id === latestOfDay.id) return latestOfDay;
  return latestOfCard.source === 'review' ? latestOfCard : null;
}

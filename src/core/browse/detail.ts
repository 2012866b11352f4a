import type { BrowseCardDetail, HistoryEntry } from '../api/browse.js';
import { currentMoment, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { toCardView } from '../review/cardView.js';
import { CARD_STATES, type RatingValue } from '../scheduling/fsrs.js';
import { toBrowseRow } from './rows.js';

/** Maximum number of answers listed in a card's history, so a card answered daily for years stays readable. */
export const HISTORY_LIMIT = 500;

function cardHistory(context: CoreContext, cardId: string): { history: HistoryEntry[]; truncated: boolean } {
  // Reading one row more than shown reveals whether older answers exist.
  const rows = context.repositories.browse.history(cardId, HISTORY_LIMIT + 1);
  const history = rows.slice(0, HISTORY_LIMIT).map((row) => ({
    id: row.id,
    reviewedAt: row.reviewedAt,
    rating: row.rating as RatingValue,
    source: row.source,
    intervalMs: row.dueAfter - row.reviewedAt,
  }));
  return { history, truncated: rows.length > HISTORY_LIMIT };
}

/** Returns one card in full, with its schedule, retrievability now and its review history. */
export function getBrowseCard(context: CoreContext, cardId: string): BrowseCardDetail {
  const { repositories } = context;
  const row = repositories.browse.get(cardId);
  const card = repositories.cards.get(cardId);
  if (row === null || card === null) {
    throw new NotFoundError(`Card "${cardId}" was not found or has been retired. Reload the card list.`);
  }

  const moment = currentMoment(context);
  const studied = row.state.state !== CARD_STATES.new;
  const { history, truncated } = cardHistory(context, cardId);
  return {
    card: toCardView(context, card),
    row: toBrowseRow(row, moment),
    stability: studied ? row.state.stability : null,
    difficulty: studied ? row.state.difficulty : null,
    lastReview: row.state.lastReview,
    history,
    historyTruncated: truncated,
    now: moment.now,
  };
}

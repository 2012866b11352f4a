import { inTransaction } from '../../db/connection.js';
import type { SetSuspendedRequest } from '../api/browse.js';
import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';

/**
 * Suspends or unsuspends cards in one transaction: either every card changes
 * or none does. A suspended card leaves the daily queue and the mock-interview
 * selection until it is unsuspended; its schedule and history stay as they are.
 */
export function setCardsSuspended(context: CoreContext, request: SetSuspendedRequest): { changed: number; suspended: boolean } {
  const { repositories } = context;
  const changed = inTransaction(context.db, () => {
    let count = 0;
    for (const cardId of new Set(request.cardIds)) {
      const card = repositories.cards.get(cardId);
      if (card === null || card.retiredAt !== null) {
        throw new NotFoundError(`Card "${cardId}" was not found or has been retired. Reload the card list; nothing was changed.`);
      }
      if (repositories.browse.setSuspended(cardId, request.suspended)) count += 1;
    }
    return count;
  });
  context.logger.info(request.suspended ? 'cards suspended' : 'cards unsuspended', { changed, cardIds: request.cardIds.slice(0, 20) });
  return { changed, suspended: request.suspended };
}

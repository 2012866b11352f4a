import type { BrowseQuery } from '../../db/repositories/browse.js';
import { BROWSE_PAGE_SIZE, type BrowseFilters, type BrowsePage, type BrowseRequest } from '../api/browse.js';
import { currentMoment, type CoreContext } from '../context.js';
import type { Family } from '../decks/schema.js';
import { NotFoundError } from '../errors.js';
import { fsrsStatesOf, toBrowseRow } from './rows.js';

/** Lists every deck for the deck filter, with its number of cards that are not retired. */
export function getBrowseFilters(context: CoreContext): BrowseFilters {
  const decks = context.repositories.browse.decks().map((deck) => ({ ...deck, family: deck.family as Family }));
  return { decks };
}

function checkDecks(context: CoreContext, deckIds: readonly string[]): void {
  for (const deckId of deckIds) {
    if (context.repositories.decks.get(deckId) === null) {
      throw new NotFoundError(`Deck "${deckId}" was not found. Pick a deck from the list of decks and try again.`);
    }
  }
}

function toQuery(request: BrowseRequest): BrowseQuery {
  return {
    families: request.families,
    deckIds: request.deckIds,
    kinds: request.kinds,
    fsrsStates: fsrsStatesOf(request.states),
    includeSuspended: request.states.includes('suspended'),
    anyState: request.states.length === 0,
    search: request.search.trim(),
    limit: BROWSE_PAGE_SIZE,
    offset: request.page * BROWSE_PAGE_SIZE,
  };
}

/** Returns one page of the cards that match every filter, with the total over all pages. */
export function browseCards(context: CoreContext, request: BrowseRequest): BrowsePage {
  checkDecks(context, request.deckIds);
  const moment = currentMoment(context);
  const query = toQuery(request);
  const { browse } = context.repositories;
  const rows = browse.page(query).map((row) => toBrowseRow(row, moment));
  return { rows, total: browse.count(query), page: request.page, pageSize: BROWSE_PAGE_SIZE, now: moment.now };
}

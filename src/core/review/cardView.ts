import type { CardRow } from '../../db/repositories/types.js';
import type { CardView } from '../api/views.js';
import type { CoreContext } from '../context.js';
import type { CardContent, Family, InterviewStyle } from '../decks/schema.js';
import { NotFoundError } from '../errors.js';

/** Loads a card with its deck title and current FSRS state, shaped for the renderer. */
export function loadCardView(context: CoreContext, cardId: string): CardView {
  const card = context.repositories.cards.get(cardId);
  if (!card) throw new NotFoundError(`Card "${cardId}" was not found. Reload to get the current queue.`);
  return toCardView(context, card);
}

export function toCardView(context: CoreContext, card: CardRow): CardView {
  const deck = context.repositories.decks.get(card.deckId);
  const state = context.repositories.states.get(card.id);
  return {
    id: card.id,
    deckId: card.deckId,
    deckTitle: deck?.title ?? card.deckId,
    kind: card.kind,
    family: card.family as Family,
    style: card.style as InterviewStyle | null,
    tags: card.tags,
    state: state?.state ?? 0,
    content: JSON.parse(card.content) as CardContent,
  };
}

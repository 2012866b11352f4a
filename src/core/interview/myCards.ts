import { createHash } from 'node:crypto';
import { inTransaction } from '../../db/connection.js';
import type { InterviewAnswerRow, StoredKeyPoint } from '../../db/repositories/interviews.js';
import type { CoreContext } from '../context.js';
import { RESERVED_CARD_PREFIX, RESERVED_DECK_ID, type CardContent, type Family } from '../decks/schema.js';
import { newMemoryState } from '../scheduling/fsrs.js';

/** The user's own deck; bundled deck files never use this id, so the deck sync never touches it. */
export const MY_CARDS_DECK_ID = RESERVED_DECK_ID;
export const MY_CARDS_TITLE = 'My cards';

/**
 * Returns the id of the flashcard made from one key point of a prompt. It derives from
 * the prompt id and the point's text, so making the same card twice finds the
 * first one, and the id stays stable when the deck reorders its points.
 */
export function cardIdForPoint(promptCardId: string, point: string): string {
  const digest = createHash('sha256').update(`${promptCardId}\n${point}`).digest('hex').slice(0, 12);
  return `${RESERVED_CARD_PREFIX}${promptCardId}-${digest}`.slice(0, 200);
}

/** Writes the flashcard text: the prompt and the point's first phrase in front, the point and its source behind. */
export function flashcardContent(prompt: string, keyPoint: StoredKeyPoint, deckTitle: string, sources: CardContent['sources']): CardContent {
  const cue = keyPoint.phrases[0] ?? keyPoint.point;
  return {
    kind: 'basic',
    front: `**Interview prompt:** ${prompt}\n\nWhat point about *${cue}* belongs in a strong answer?`,
    back: `${keyPoint.point}\n\nWords that show it: ${keyPoint.phrases.join(', ')}.\n\nSource: the interview prompt “${prompt}” (${deckTitle}).`,
    sources,
  };
}

export interface MadeCard {
  cardId: string;
  deckId: string;
  created: boolean;
}

/**
 * Turns a key point of an answer into a basic card in "My cards", creating the
 * deck on first use. The card gets the prompt's family and a new FSRS state, so
 * it enters the daily review; deck, card and state are written in one transaction.
 */
export function makeCardFromPoint(context: CoreContext, answer: InterviewAnswerRow, pointIndex: number, now: number): MadeCard {
  const { repositories } = context;
  const keyPoint = answer.keyPoints[pointIndex]!;
  const prompt = repositories.cards.get(answer.cardId)!;
  const promptContent = JSON.parse(prompt.content) as CardContent;
  const cardId = cardIdForPoint(answer.cardId, keyPoint.point);

  return inTransaction(context.db, () => {
    if (repositories.cards.get(cardId)) return { cardId, deckId: MY_CARDS_DECK_ID, created: false };
    if (!repositories.decks.get(MY_CARDS_DECK_ID)) {
      repositories.decks.upsert({
        id: MY_CARDS_DECK_ID,
        title: MY_CARDS_TITLE,
        description: 'Flashcards you made from key points missed in mock interviews.',
        family: prompt.family as Family,
        source: 'user',
        contentHash: null,
        fileName: null,
        updatedAt: now,
      });
    }
    const deckTitle = repositories.decks.get(prompt.deckId)?.title ?? prompt.deckId;
    repositories.cards.insert(
      {
        id: cardId,
        deckId: MY_CARDS_DECK_ID,
        kind: 'basic',
        family: prompt.family,
        style: null,
        content: JSON.stringify(flashcardContent(answer.prompt, keyPoint, deckTitle, promptContent.sources)),
        tags: ['from-interview', `prompt:${answer.cardId}`],
        position: repositories.cards.listOfDeck(MY_CARDS_DECK_ID).length,
      },
      now,
    );
    repositories.states.insertIfMissing(cardId, newMemoryState(now));
    context.logger.info('card made from a missed point', { cardId, promptId: answer.cardId });
    return { cardId, deckId: MY_CARDS_DECK_ID, created: true };
  });
}

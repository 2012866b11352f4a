import { z } from 'zod';
import { settingsUpdateSchema } from '../settings/schema.js';
import { ratingValue } from './views.js';

/** Schemas of every request payload; hosts validate each payload against these before core sees it. */

export const emptyRequest = z.strictObject({});

const deckId = z.string().min(1).max(100).nullable();

export const studyRequest = z.strictObject({ deckId });

export const answerRequest = z.strictObject({
  deckId,
  cardId: z.string().min(1).max(200),
  rating: ratingValue,
  /** A unique id per answer: the same id sent twice records one answer. */
  requestId: z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/, 'requestId must contain only letters, digits and hyphens'),
  /** Time the user spent on the card; capped so a card left open overnight does not skew statistics. */
  durationMs: z.number().int().min(0).max(86_400_000),
});
export type AnswerRequest = z.infer<typeof answerRequest>;

export const undoRequest = z.strictObject({ deckId });

export const settingsUpdateRequest = settingsUpdateSchema;

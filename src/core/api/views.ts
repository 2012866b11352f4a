import { z } from 'zod';
import { FAMILIES, INTERVIEW_STYLES } from '../decks/schema.js';

/** Schemas of the values the API returns; the renderer renders these and nothing else. */

const source = z.object({ title: z.string(), url: z.string() });
const keyPoint = z.object({ point: z.string(), phrases: z.array(z.string()) });

export const cardContentView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), front: z.string(), back: z.string(), sources: z.array(source), appliesTo: z.string().optional() }),
  z.object({
    kind: z.literal('interview'),
    prompt: z.string(),
    keyPoints: z.array(keyPoint),
    followUps: z.array(z.string()),
    pitfalls: z.array(z.string()),
    modelAnswer: z.string(),
    timeLimitSec: z.number(),
    sources: z.array(source),
    appliesTo: z.string().optional(),
  }),
]);

export const cardView = z.object({
  id: z.string(),
  deckId: z.string(),
  deckTitle: z.string(),
  kind: z.enum(['basic', 'interview']),
  family: z.enum(FAMILIES),
  style: z.enum(INTERVIEW_STYLES).nullable(),
  tags: z.array(z.string()),
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.number().int().min(0).max(3),
  content: cardContentView,
});
export type CardView = z.infer<typeof cardView>;

export const ratingValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const ratingChoice = z.object({
  rating: ratingValue,
  label: z.string(),
  /** Time from now until the card is due again after this rating. */
  intervalMs: z.number(),
  /** The same interval as the button shows it, e.g. "10m" or "4d". */
  intervalText: z.string(),
});
export type RatingChoice = z.infer<typeof ratingChoice>;

export const queueCounts = z.object({ new: z.number().int(), learning: z.number().int(), review: z.number().int() });
export type QueueCountsView = z.infer<typeof queueCounts>;

export const studyStep = z.object({
  studyDay: z.string(),
  card: cardView.nullable(),
  choices: z.array(ratingChoice),
  remaining: queueCounts,
  canUndo: z.boolean(),
  /** When the next card of this selection becomes due, if nothing is left now. */
  nextDueAt: z.number().nullable(),
  reviewedToday: z.number().int(),
});
export type StudyStep = z.infer<typeof studyStep>;

export const deckSummary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  family: z.enum(FAMILIES),
  source: z.enum(['bundled', 'user', 'imported']),
  counts: queueCounts,
  total: z.number().int(),
  interviewPrompts: z.number().int(),
});
export type DeckSummary = z.infer<typeof deckSummary>;

export const homeView = z.object({
  studyDay: z.string(),
  decks: z.array(deckSummary),
  totals: queueCounts,
  reviewedToday: z.number().int(),
  interviewsDue: z.number().int(),
  nextDueAt: z.number().nullable(),
});
export type HomeView = z.infer<typeof homeView>;

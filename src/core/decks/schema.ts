import { z } from 'zod';

/** The question families an MLOps interview draws from. */
export const FAMILIES = [
  'system-design',
  'data-and-experiments',
  'deployment-and-serving',
  'monitoring-and-retraining',
  'behavioural',
] as const;
export type Family = (typeof FAMILIES)[number];

/** Which mock-interview formats may pick an interview card. */
export const INTERVIEW_STYLES = ['rapid', 'deep-dive', 'system-design', 'behavioural'] as const;
export type InterviewStyle = (typeof INTERVIEW_STYLES)[number];

/** Upper bound for one text field: a card is read on one screen, not a book. */
export const MAX_FIELD_CHARS = 20_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DURATION = /^(\d+)(s|m)$/;

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_FIELD_CHARS, `must be at most ${MAX_FIELD_CHARS} characters`);

const slug = z
  .string()
  .regex(SLUG, 'must be a lowercase slug such as "mlflow-aliases" (a-z, 0-9 and single hyphens)')
  .max(80, 'must be at most 80 characters');

const sourceSchema = z.strictObject({
  title: text,
  url: z
    .string()
    .url('must be an absolute URL')
    .refine((url) => url.startsWith('https://'), 'must start with https://'),
});

/** Parses a time limit such as `90s` or `5m` into seconds. */
export function parseTimeLimit(value: string): number | null {
  const match = DURATION.exec(value);
  if (!match) return null;
  const amount = Number(match[1]);
  return match[2] === 'm' ? amount * 60 : amount;
}

const timeLimit = z
  .string()
  .refine((value) => {
    const seconds = parseTimeLimit(value);
    return seconds !== null && seconds >= 30 && seconds <= 3600;
  }, 'must be a duration from 30s to 60m, written like "90s" or "5m"')
  .transform((value) => parseTimeLimit(value) as number);

const keyPointSchema = z.strictObject({
  point: text,
  phrases: z.array(text).min(1, 'needs at least one phrase that shows the point was covered'),
});

/** Ids kept for the user's own deck ("My cards"), which bundled decks must not collide with. */
export const RESERVED_DECK_ID = 'my-cards';
export const RESERVED_CARD_PREFIX = 'my-';

const commonCardFields = {
  id: slug.refine((id) => !id.startsWith(RESERVED_CARD_PREFIX), `must not start with "${RESERVED_CARD_PREFIX}", which is kept for the user's own cards`),
  family: z.enum(FAMILIES).optional(),
  tags: z.array(text).default([]),
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  applies_to: text.optional(),
};

const basicCardSchema = z.strictObject({
  ...commonCardFields,
  kind: z.literal('basic'),
  front: text,
  back: text,
});

const interviewCardSchema = z.strictObject({
  ...commonCardFields,
  kind: z.literal('interview'),
  prompt: text,
  style: z.enum(INTERVIEW_STYLES),
  time_limit: timeLimit,
  key_points: z.array(keyPointSchema).min(4, 'needs 4 to 8 key points').max(8, 'needs 4 to 8 key points'),
  follow_ups: z.array(text).min(2, 'needs 2 to 4 follow-up questions').max(4, 'needs 2 to 4 follow-up questions'),
  pitfalls: z.array(text).min(1, 'needs at least one pitfall'),
  model_answer: text,
});

const cardSchema = z.discriminatedUnion('kind', [basicCardSchema, interviewCardSchema]);

/** The schema of one deck file, as written by hand in YAML (snake_case keys). */
export const deckFileSchema = z.strictObject({
  id: slug.refine((id) => id !== RESERVED_DECK_ID, `must not be "${RESERVED_DECK_ID}", the id of the user's own deck`),
  title: text,
  description: text,
  family: z.enum(FAMILIES),
  cards: z.array(cardSchema).min(1, 'needs at least one card'),
});

export type DeckFileInput = z.input<typeof deckFileSchema>;
export type DeckFileParsed = z.output<typeof deckFileSchema>;

export interface Source {
  title: string;
  url: string;
}

export interface KeyPoint {
  point: string;
  phrases: string[];
}

/** Card content stored as JSON in the database, in camelCase. */
export type CardContent =
  | { kind: 'basic'; front: string; back: string; sources: Source[]; appliesTo?: string }
  | {
      kind: 'interview';
      prompt: string;
      keyPoints: KeyPoint[];
      followUps: string[];
      pitfalls: string[];
      modelAnswer: string;
      timeLimitSec: number;
      sources: Source[];
      appliesTo?: string;
    };

export interface DeckCard {
  id: string;
  kind: 'basic' | 'interview';
  family: Family;
  style: InterviewStyle | null;
  tags: string[];
  content: CardContent;
}

export interface Deck {
  id: string;
  title: string;
  description: string;
  family: Family;
  cards: DeckCard[];
}

import { z } from 'zod';
import type { CardContent } from '../decks/schema.js';

const text = z.string({ error: 'must be text' });
const textList = z.array(text, { error: 'must be a list of text' });

/** A link the card screens render; only https, as the deck files require. */
const source = z.object(
  {
    title: text,
    url: text.refine((url) => url.startsWith('https://'), 'must start with https://'),
  },
  { error: 'must be an object with a title and a url' },
);
const sources = z.array(source, { error: 'must be a list' });

/** A key point of an interview prompt, as cards store it and interview answers copy it. */
export const keyPointSchema = z.object(
  {
    point: text,
    phrases: textList,
  },
  { error: 'must be an object with a point and its phrases' },
);

const basicContent = z.object({
  kind: z.literal('basic'),
  front: text,
  back: text,
  sources,
  appliesTo: text.optional(),
});

const interviewContent = z.object({
  kind: z.literal('interview'),
  prompt: text,
  keyPoints: z.array(keyPointSchema, { error: 'must be a list' }),
  followUps: textList,
  pitfalls: textList,
  modelAnswer: text,
  timeLimitSec: z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be above 0'),
  sources,
  appliesTo: text.optional(),
});

/**
 * The card content that the cards table stores as JSON, in the shape the
 * review, browse and interview screens read (CardContent). Fields the
 * readers do not use are allowed, so only what they rely on is checked.
 */
export const storedCardContentSchema: z.ZodType<CardContent> = z.discriminatedUnion('kind', [basicContent, interviewContent], {
  error: 'must be "basic" or "interview"',
});

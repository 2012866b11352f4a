import { z } from 'zod';
import { FAMILIES, INTERVIEW_STYLES } from '../decks/schema.js';
import { cardView, ratingValue } from './views.js';

/** Request and response schemas of the Browse screen. Zod only, so the renderer may import them. */

/**
 * What the Browse filter calls a card's state: its FSRS state, or `suspended`
 * for a suspended card whatever its FSRS state. Each card has exactly one.
 */
export const BROWSE_STATES = ['new', 'learning', 'review', 'relearning', 'suspended'] as const;
export const browseState = z.enum(BROWSE_STATES);
export type BrowseState = z.infer<typeof browseState>;

export const CARD_KINDS = ['basic', 'interview'] as const;

/** Rows in one page of the card list. */
export const BROWSE_PAGE_SIZE = 50;
/** Longest search text accepted, in characters. */
export const MAX_SEARCH_CHARS = 200;

const cardId = z.string().min(1).max(200);
const deckId = z.string().min(1).max(100);

export const browseRequest = z.strictObject({
  families: z.array(z.enum(FAMILIES)).max(FAMILIES.length).default([]),
  deckIds: z.array(deckId).max(200).default([]),
  kinds: z.array(z.enum(CARD_KINDS)).max(CARD_KINDS.length).default([]),
  states: z.array(browseState).max(BROWSE_STATES.length).default([]),
  /** Matched case-insensitively and literally (`%` and `_` are plain characters) in front, back and prompt. */
  search: z.string().max(MAX_SEARCH_CHARS, `must be at most ${MAX_SEARCH_CHARS} characters`).default(''),
  /** Zero-based page of BROWSE_PAGE_SIZE rows. */
  page: z.number().int().min(0).max(100_000).default(0),
});
export type BrowseRequest = z.output<typeof browseRequest>;
export type BrowseRequestInput = z.input<typeof browseRequest>;

export const browseRow = z.object({
  id: z.string(),
  /** The first line of the front or the prompt. */
  question: z.string(),
  deckId: z.string(),
  deckTitle: z.string(),
  family: z.enum(FAMILIES),
  kind: z.enum(CARD_KINDS),
  style: z.enum(INTERVIEW_STYLES).nullable(),
  state: browseState,
  suspended: z.boolean(),
  /** Due instant in epoch milliseconds; null for a new card. */
  due: z.number().nullable(),
  reps: z.number().int(),
  lapses: z.number().int(),
  /** Probability of recall now, from 0 to 1; null for a new card. */
  retrievability: z.number().nullable(),
});
export type BrowseRow = z.infer<typeof browseRow>;

export const browsePage = z.object({
  rows: z.array(browseRow),
  /** Cards matching the filters over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The server's clock when the page was built, so due texts and retrievability agree. */
  now: z.number(),
});
export type BrowsePage = z.infer<typeof browsePage>;

export const browseDeckOption = z.object({
  id: z.string(),
  title: z.string(),
  family: z.enum(FAMILIES),
  cards: z.number().int(),
});

export const browseFilters = z.object({ decks: z.array(browseDeckOption) });
export type BrowseFilters = z.infer<typeof browseFilters>;

export const browseCardRequest = z.strictObject({ cardId });

export const historyEntry = z.object({
  id: z.number().int(),
  reviewedAt: z.number(),
  rating: ratingValue,
  source: z.enum(['review', 'interview']),
  /** Time from the answer until the card was due again. */
  intervalMs: z.number(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const browseCardDetail = z.object({
  card: cardView,
  row: browseRow,
  stability: z.number().nullable(),
  difficulty: z.number().nullable(),
  lastReview: z.number().nullable(),
  /** Newest first. */
  history: z.array(historyEntry),
  /** True when older answers exist beyond the ones in `history`. */
  historyTruncated: z.boolean(),
  now: z.number(),
});
export type BrowseCardDetail = z.infer<typeof browseCardDetail>;

export const setSuspendedRequest = z.strictObject({
  cardIds: z.array(cardId).min(1, 'needs at least one card id').max(500),
  suspended: z.boolean(),
});
export type SetSuspendedRequest = z.output<typeof setSuspendedRequest>;

export const setSuspendedResult = z.object({
  /** Cards whose flag changed; cards already in the requested state are not counted. */
  changed: z.number().int(),
  suspended: z.boolean(),
});

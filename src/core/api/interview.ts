import { z } from 'zod';
import { FAMILIES, INTERVIEW_STYLES } from '../decks/schema.js';
import { ratingValue } from './views.js';

/** Request and response schemas of the mock-interview methods. Zod only, so the renderer may import them. */

export const INTERVIEW_FORMAT_IDS = ['rapid', 'deep-dive', 'system-design', 'behavioural', 'custom'] as const;
export const interviewFormatId = z.enum(INTERVIEW_FORMAT_IDS);
export type InterviewFormatId = z.infer<typeof interviewFormatId>;

/** When prompts are scored: right after each one, or all after the last one. */
export const reviewMode = z.enum(['each', 'end']);
export type ReviewMode = z.infer<typeof reviewMode>;

const sessionId = z.string().uuid('must be a session id as returned by startInterview');
const position = z.number().int().min(0).max(99);
const requestId = z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/, 'requestId must contain only letters, digits and hyphens');
const deckId = z.string().min(1).max(100);

/** Largest answer stored, in characters: about an hour of speech written down. */
export const MAX_ANSWER_CHARS = 50_000;
/** Maximum time a prompt may run: the largest limit a card or format can set. */
const MAX_PROMPT_MS = 3_600_000;

export const customOptions = z.strictObject({
  families: z.array(z.enum(FAMILIES)).max(FAMILIES.length).default([]),
  deckIds: z.array(deckId).max(200).default([]),
  count: z.number().int().min(1).max(20),
  /** Minutes for every prompt; null uses each prompt's own time limit. */
  minutesEach: z.number().int().min(1).max(60).nullable(),
});
export type CustomOptionsInput = z.input<typeof customOptions>;

export const startInterviewRequest = z
  .strictObject({
    format: interviewFormatId,
    /** The deck of a Tool deep dive; null or missing picks the topic with the most need. */
    topicDeckId: deckId.nullable().default(null),
    custom: customOptions.nullable().default(null),
    reviewMode: reviewMode.default('each'),
    /** Fixes the choice of prompts; missing draws a random seed. */
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
  })
  .refine((request) => request.format !== 'custom' || request.custom !== null, {
    message: 'a Custom interview needs custom options (families, deckIds, count, minutesEach)',
    path: ['custom'],
  });
export type StartInterviewRequest = z.output<typeof startInterviewRequest>;

export const sessionRequest = z.strictObject({ sessionId });

export const saveInterviewAnswerRequest = z.strictObject({
  sessionId,
  position,
  text: z.string().max(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS} characters`),
  usedMs: z.number().int().min(0).max(MAX_PROMPT_MS),
  /** Increases with every save of this answer, so a late, older save is ignored. */
  revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type SaveInterviewAnswerRequest = z.output<typeof saveInterviewAnswerRequest>;

export const closeInterviewPromptRequest = saveInterviewAnswerRequest.extend({
  reason: z.enum(['next', 'skip', 'expired']),
});
export type CloseInterviewPromptRequest = z.output<typeof closeInterviewPromptRequest>;

export const scoreInterviewPromptRequest = z.strictObject({
  sessionId,
  position,
  /** Indexes of the key points the user confirms as covered. */
  coveredPoints: z.array(z.number().int().min(0).max(49)).max(50),
  rating: ratingValue,
  requestId,
});
export type ScoreInterviewPromptRequest = z.output<typeof scoreInterviewPromptRequest>;

export const historyRequest = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const cardFromPointRequest = z.strictObject({ sessionId, position, pointIndex: z.number().int().min(0).max(49) });
export type CardFromPointRequest = z.output<typeof cardFromPointRequest>;

const family = z.enum(FAMILIES);
const phase = z.object({ name: z.string(), minutes: z.number() });
const source = z.object({ title: z.string(), url: z.string() });

export const formatView = z.object({
  id: interviewFormatId,
  title: z.string(),
  description: z.string(),
  style: z.enum(INTERVIEW_STYLES).nullable(),
  promptCount: z.number().int(),
  minutesEach: z.number().nullable(),
  oneTopic: z.boolean(),
  phases: z.array(phase),
  /** Prompts of the format's style that exist now. */
  available: z.number().int(),
});
export type FormatView = z.infer<typeof formatView>;

export const topicView = z.object({
  deckId: z.string(),
  title: z.string(),
  family,
  /** Interview prompts of this deck, by style. */
  prompts: z.number().int(),
  deepDives: z.number().int(),
  due: z.number().int(),
});

export const keyPointView = z.object({
  point: z.string(),
  phrases: z.array(z.string()),
  /** Ticked by the matcher when the prompt closed. */
  matched: z.boolean(),
  /** Confirmed by the user when scored; null until then. */
  covered: z.boolean().nullable(),
  /** The flashcard made from this point, when the user made one. */
  cardId: z.string().nullable(),
});

export const answerStatus = z.enum(['pending', 'answering', 'closed', 'scored']);

export const interviewPromptView = z.object({
  position: z.number().int(),
  cardId: z.string(),
  deckTitle: z.string(),
  family,
  prompt: z.string(),
  timeLimitMs: z.number().int(),
  usedMs: z.number().int(),
  answer: z.string(),
  revision: z.number().int(),
  status: answerStatus,
  closedBy: z.enum(['next', 'skip', 'expired']).nullable(),
  keyPoints: z.array(keyPointView),
  followUps: z.array(z.string()),
  pitfalls: z.array(z.string()),
  modelAnswer: z.string(),
  sources: z.array(source),
  /** Share of key points covered: matched while closed, confirmed once scored. */
  coverage: z.number().nullable(),
  proposedRating: ratingValue.nullable(),
  rating: ratingValue.nullable(),
});
export type InterviewPromptView = z.infer<typeof interviewPromptView>;

/** The next step the session screen shows. */
export const interviewStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), position: z.number().int() }),
  z.object({ kind: z.literal('review'), position: z.number().int() }),
  z.object({ kind: z.literal('summary') }),
]);
export type InterviewStep = z.infer<typeof interviewStep>;

export const missedPointView = z.object({
  position: z.number().int(),
  pointIndex: z.number().int(),
  point: z.string(),
  prompt: z.string(),
  family,
  /** How often this point was missed in all scored sessions, this one included. */
  timesMissed: z.number().int(),
  cardId: z.string().nullable(),
});
export type MissedPointView = z.infer<typeof missedPointView>;

export const familyScoreView = z.object({ family, prompts: z.number().int(), coverage: z.number() });

export const interviewSummaryView = z.object({
  usedMs: z.number().int(),
  limitMs: z.number().int(),
  meanCoverage: z.number(),
  missedPoints: z.array(missedPointView),
  families: z.array(familyScoreView),
  weakestFamily: familyScoreView.nullable(),
});
export type InterviewSummaryView = z.infer<typeof interviewSummaryView>;

export const interviewSessionView = z.object({
  id: z.string(),
  format: interviewFormatId,
  formatTitle: z.string(),
  status: z.enum(['active', 'finished']),
  reviewMode,
  seed: z.number().int(),
  replayOf: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Prompts the format asked for; more than prompts.length when too few matched. */
  requested: z.number().int(),
  phases: z.array(phase),
  prompts: z.array(interviewPromptView),
  step: interviewStep,
  /** Present once every prompt is scored. */
  summary: interviewSummaryView.nullable(),
});
export type InterviewSessionView = z.infer<typeof interviewSessionView>;

export const historyEntryView = z.object({
  id: z.string(),
  format: interviewFormatId,
  formatTitle: z.string(),
  status: z.enum(['active', 'finished']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  prompts: z.number().int(),
  scored: z.number().int(),
  usedMs: z.number().int(),
  meanCoverage: z.number().nullable(),
});
export type HistoryEntryView = z.infer<typeof historyEntryView>;

export const interviewHistoryView = z.object({ sessions: z.array(historyEntryView) });

export const interviewSetupView = z.object({
  formats: z.array(formatView),
  topics: z.array(topicView),
  families: z.array(z.object({ family, prompts: z.number().int() })),
  /** A session that was left before its end, to resume or discard. */
  unfinished: historyEntryView.nullable(),
  due: z.number().int(),
});
export type InterviewSetupView = z.infer<typeof interviewSetupView>;

export const saveInterviewAnswerResponse = z.object({
  /** False when the save was stale or the prompt had already closed; the stored answer stays. */
  saved: z.boolean(),
  savedAt: z.number(),
});

export const cardFromPointResponse = z.object({
  cardId: z.string(),
  deckId: z.string(),
  /** False when this point had already been made into a card. */
  created: z.boolean(),
});

export const discardResponse = z.object({ discarded: z.string() });

import { z } from 'zod';
import { FAMILIES } from '../decks/schema.js';
import { queueCounts } from './views.js';

/** Schemas of the Statistics screen, the exports and the import; contract.ts maps methods to them. */

const SVG_TAGS = ['svg', 'g', 'rect', 'path', 'line', 'polyline', 'circle', 'text', 'title'] as const;

/**
 * One element of a chart drawn as SVG. Core builds these trees once: the
 * report serialises them to markup, the screen turns them into React elements,
 * so both draw the same chart.
 */
export interface SvgNode {
  tag: (typeof SVG_TAGS)[number];
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  text?: string;
}

export const svgNode: z.ZodType<SvgNode> = z.lazy(() =>
  z.object({
    tag: z.enum(SVG_TAGS),
    attrs: z.record(z.string(), z.union([z.string(), z.number()])),
    children: z.array(svgNode).optional(),
    text: z.string().optional(),
  }),
);

export const chartView = z.object({
  title: z.string(),
  /** One or two sentences that state what the chart shows, for screen readers and the report. */
  summary: z.string(),
  svg: svgNode,
});
export type ChartView = z.infer<typeof chartView>;

export const RANGE_DAYS = [30, 90, 365] as const;
export const statsRequest = z.strictObject({
  rangeDays: z.union([z.literal(30), z.literal(90), z.literal(365)]).default(30),
});
export type StatsRequest = z.infer<typeof statsRequest>;

export const dayActivity = z.object({
  /** The study day as its local date, `YYYY-MM-DD`. */
  day: z.string(),
  answers: z.number().int(),
  again: z.number().int(),
  hard: z.number().int(),
  good: z.number().int(),
  easy: z.number().int(),
  durationMs: z.number(),
  newCards: z.number().int(),
  /** Answers to cards in the review state, and how many of them were Hard, Good or Easy. */
  reviewCards: z.number().int(),
  passed: z.number().int(),
});
export type DayActivity = z.infer<typeof dayActivity>;

export const readinessRow = z.object({
  /** A family id, or a deck id for the per-deck table. */
  id: z.string(),
  title: z.string(),
  family: z.enum(FAMILIES),
  cards: z.number().int(),
  seen: z.number().int(),
  /** Mean current retrievability of the cards seen (0–1), null when none was seen. */
  averageRetrievability: z.number().nullable(),
  /** Share of the cards never answered (0–1). */
  neverSeenShare: z.number(),
});
export type ReadinessRow = z.infer<typeof readinessRow>;

export const interviewPoint = z.object({
  sessionId: z.string(),
  finishedAt: z.number(),
  /** Share of the rubric's key points covered (0–1). */
  coverage: z.number(),
  /** Mean self-score scaled to 0–1, null when the user gave none. */
  score: z.number().nullable(),
  answers: z.number().int(),
});

export const stateCounts = z.object({
  new: z.number().int(),
  learning: z.number().int(),
  review: z.number().int(),
  relearning: z.number().int(),
  suspended: z.number().int(),
});
export type StateCounts = z.infer<typeof stateCounts>;

export const statsView = z.object({
  studyDay: z.string(),
  generatedAt: z.number(),
  rangeDays: z.number().int(),
  desiredRetention: z.number(),
  today: z.object({
    answers: z.number().int(),
    durationMs: z.number(),
    left: queueCounts,
    streak: z.number().int(),
    longestStreak: z.number().int(),
  }),
  totals: z.object({ answers: z.number().int(), durationMs: z.number(), studyDays: z.number().int() }),
  /** Retention of review-state answers over the last 30 study days, null when there were none. */
  recentRetention: z.number().nullable(),
  states: stateCounts,
  families: z.array(readinessRow),
  decks: z.array(readinessRow),
  interviews: z.array(interviewPoint),
  charts: z.object({
    activity: chartView,
    reviews: chartView,
    minutes: chartView,
    forecast: chartView,
    retention: chartView,
    states: chartView,
    stability: chartView,
    difficulty: chartView,
    retrievability: chartView,
    readiness: chartView,
    interviews: chartView,
  }),
});
export type StatsView = z.infer<typeof statsView>;
export type ChartId = keyof StatsView['charts'];

export const EXPORT_KINDS = ['progress-csv', 'review-log-csv', 'json', 'html', 'pdf'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportRequest = z.strictObject({ kind: z.enum(EXPORT_KINDS) });

/** Where an export went: a one-time download URL (browser host), a saved file (desktop), or nothing. */
export const exportResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('download'), url: z.string(), fileName: z.string() }),
  z.object({ kind: z.literal('saved'), path: z.string(), bytes: z.number().int() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResult>;

export const importSummary = z.object({
  decks: z.number().int(),
  cards: z.number().int(),
  reviews: z.number().int(),
  interviewSessions: z.number().int(),
  /** File name of the backup of the folder as it was just before the import replaced it. */
  safetyBackup: z.string(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** How an import went: done (desktop), or upload the file to `url` (browser host), or cancelled. */
export const importResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('imported'), summary: importSummary }),
  z.object({ kind: z.literal('upload'), url: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type ImportResult = z.infer<typeof importResult>;

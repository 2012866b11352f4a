import type { Database } from 'better-sqlite3';
import { stateFromRow } from './memoryState.js';
import type { MemoryStateRow } from './types.js';

export type StatsRepository = ReturnType<typeof createStatsRepository>;

/** Answers of one study day, summed in SQL. */
export interface DayTotalsRow {
  studyDay: number;
  answers: number;
  again: number;
  hard: number;
  good: number;
  easy: number;
  durationMs: number;
  newCards: number;
  reviewCards: number;
  passed: number;
}

export interface StateCountRow {
  state: number;
  suspended: number;
  count: number;
}

export interface HistogramRow {
  bucket: number;
  count: number;
}

/** The memory state of one active card with what readiness groups it by. */
export interface CardReadinessRow {
  cardId: string;
  deckId: string;
  family: string;
  state: MemoryStateRow;
}

/** A study-day window with its own start and end instants, for the due forecast. */
export interface DayWindow {
  index: number;
  start: number;
  end: number;
}

export interface InterviewTrendRow {
  sessionId: string;
  finishedAt: number;
  coverage: number;
  score: number | null;
  answers: number;
}

export interface ForecastRow {
  index: number;
  flashcards: number;
  prompts: number;
}

const DAY_COLUMNS = `study_day AS studyDay,
  COUNT(*) AS answers,
  SUM(rating = 1) AS again,
  SUM(rating = 2) AS hard,
  SUM(rating = 3) AS good,
  SUM(rating = 4) AS easy,
  SUM(duration_ms) AS durationMs,
  SUM(before_state = 0) AS newCards,
  SUM(before_state = 2) AS reviewCards,
  SUM(before_state = 2 AND rating > 1) AS passed`;

/** Per-day totals of a range of study days; exported so a test can check its query plan. */
export const DAYS_BETWEEN_SQL = `SELECT ${DAY_COLUMNS} FROM review_log WHERE study_day BETWEEN @from AND @to
  GROUP BY study_day ORDER BY study_day`;

// Cards that count for statistics: not retired. Suspended cards count too, in their own group.
const LIVE = 'c.retired_at IS NULL';

// Stability buckets in days: a bucket contains values from its bound up to the next one.
export const STABILITY_BOUNDS = [0, 1, 3, 7, 14, 30, 90, 180, 365] as const;

function stabilityCase(): string {
  const cases = STABILITY_BOUNDS.map((bound, index) => `WHEN cs.stability >= ${bound} THEN ${index}`).reverse();
  return `CASE ${cases.join(' ')} ELSE 0 END`;
}

/** Aggregates for the Statistics screen and the progress export; counts and sums run in SQL. */
export function createStatsRepository(db: Database) {
  const daysBetween = db.prepare(DAYS_BETWEEN_SQL);
  const allDays = db.prepare(`SELECT ${DAY_COLUMNS} FROM review_log GROUP BY study_day ORDER BY study_day`);
  const studyDaysDescending = db
    .prepare('SELECT DISTINCT study_day FROM review_log WHERE study_day <= ? ORDER BY study_day DESC')
    .pluck();
  const studyDaysAscending = db.prepare('SELECT DISTINCT study_day FROM review_log ORDER BY study_day').pluck();
  const totals = db.prepare(
    `SELECT COUNT(*) AS answers, COALESCE(SUM(duration_ms), 0) AS durationMs,
       COUNT(DISTINCT study_day) AS studyDays
     FROM review_log`,
  );
  const stateCounts = db.prepare(
    `SELECT cs.state AS state, c.suspended AS suspended, COUNT(*) AS count
     FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${LIVE} GROUP BY cs.state, c.suspended`,
  );
  const stability = db.prepare(
    `SELECT ${stabilityCase()} AS bucket, COUNT(*) AS count
     FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${LIVE} AND cs.state > 0 GROUP BY bucket`,
  );
  // FSRS keeps difficulty between 1 and 10; each bucket is one unit wide, the top one includes 10.
  const difficulty = db.prepare(
    `SELECT MIN(MAX(CAST(cs.difficulty AS INTEGER), 1), 9) AS bucket, COUNT(*) AS count
     FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${LIVE} AND cs.state > 0 GROUP BY bucket`,
  );
  const readiness = db.prepare(
    `SELECT c.id AS card_id, c.deck_id, c.family, cs.due, cs.stability, cs.difficulty, cs.elapsed_days,
       cs.scheduled_days, cs.learning_steps, cs.reps, cs.lapses, cs.state, cs.last_review
     FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${LIVE} AND c.suspended = 0`,
  );
  // Coverage is the share of a prompt's key points the user confirmed, or matched automatically
  // when the user confirmed none. The score maps the rating 1–4 onto 0–1.
  const interviewTrend = db.prepare(
    `SELECT s.id AS sessionId, COALESCE(s.finished_at, s.started_at) AS finishedAt,
       COALESCE(AVG(CASE WHEN json_array_length(a.key_points) > 0
         THEN json_array_length(COALESCE(a.covered_points, a.matched_points, '[]')) * 1.0
           / json_array_length(a.key_points) END), 0) AS coverage,
       AVG((a.rating - 1) / 3.0) AS score,
       COUNT(*) AS answers
     FROM interview_sessions s JOIN interview_answers a ON a.session_id = s.id
     WHERE s.status = 'finished' AND a.status = 'scored'
     GROUP BY s.id ORDER BY finishedAt, s.id`,
  );
  // The windows arrive as JSON so one statement buckets every due date by the study day it falls in.
  const forecast = db.prepare(
    `WITH windows (i, start_at, end_at) AS (
       SELECT CAST(value ->> '$.index' AS INTEGER), value ->> '$.start', value ->> '$.end' FROM json_each(@windows)
     )
     SELECT w.i AS "index",
       COALESCE(SUM(c.kind = 'basic'), 0) AS flashcards,
       COALESCE(SUM(c.kind = 'interview'), 0) AS prompts
     FROM windows w
     LEFT JOIN card_state cs ON cs.state > 0 AND cs.due >= w.start_at AND cs.due < w.end_at
     LEFT JOIN cards c ON c.id = cs.card_id AND ${LIVE} AND c.suspended = 0
     GROUP BY w.i ORDER BY w.i`,
  );

  return {
    /** Totals of every study day from `from` to `to` (inclusive) that has answers. */
    daysBetween(from: number, to: number): DayTotalsRow[] {
      return daysBetween.all({ from, to }) as DayTotalsRow[];
    },
    /** Totals of every study day with answers, oldest first, one row at a time. */
    iterateAllDays(): IterableIterator<DayTotalsRow> {
      return allDays.iterate() as IterableIterator<DayTotalsRow>;
    },
    /** Study days with at least one answer, newest first, from `upTo` back; read lazily. */
    iterateStudyDaysBefore(upTo: number): IterableIterator<number> {
      return studyDaysDescending.iterate(upTo) as IterableIterator<number>;
    },
    /** Study days with at least one answer, oldest first; read lazily. */
    iterateStudyDays(): IterableIterator<number> {
      return studyDaysAscending.iterate() as IterableIterator<number>;
    },
    totals(): { answers: number; durationMs: number; studyDays: number } {
      return totals.get() as { answers: number; durationMs: number; studyDays: number };
    },
    stateCounts(): StateCountRow[] {
      return stateCounts.all() as StateCountRow[];
    },
    stabilityHistogram(): HistogramRow[] {
      return stability.all() as HistogramRow[];
    },
    difficultyHistogram(): HistogramRow[] {
      return difficulty.all() as HistogramRow[];
    },
    /** Every active card with its memory state, read one row at a time. */
    *iterateReadiness(): Generator<CardReadinessRow> {
      for (const row of readiness.iterate() as IterableIterator<Record<string, unknown>>) {
        yield {
          cardId: row.card_id as string,
          deckId: row.deck_id as string,
          family: row.family as string,
          state: stateFromRow(row),
        };
      }
    },
    /** Finished mock interviews, oldest first, with mean coverage and score of their scored answers. */
    interviewTrend(): InterviewTrendRow[] {
      return interviewTrend.all() as InterviewTrendRow[];
    },
    /** Counts cards due in each window; a card due before the first window's start is not counted. */
    forecast(windows: DayWindow[]): ForecastRow[] {
      return forecast.all({ windows: JSON.stringify(windows) }) as ForecastRow[];
    },
  };
}

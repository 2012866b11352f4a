import type { Database } from 'better-sqlite3';

export type StatsRepository = ReturnType<typeof createStatsRepository>;

/** Answers of one study day, summed by triggers as they are written. */
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

export interface InterviewTrendRow {
  sessionId: string;
  finishedAt: number;
  coverage: number;
  score: number | null;
  answers: number;
}

// review_day_totals contains these sums per study day, kept by triggers on review_log (migration 5).
const DAY_COLUMNS = `study_day AS studyDay, answers, again, hard, good, easy, duration_ms AS durationMs,
  new_cards AS newCards, review_cards AS reviewCards, passed`;

/** Per-day totals of a range of study days; exported so a test can check its query plan. */
export const DAYS_BETWEEN_SQL = `SELECT ${DAY_COLUMNS} FROM review_day_totals WHERE study_day BETWEEN @from AND @to
  ORDER BY study_day`;

/** The cards that are not retired in one deck and family, in the order cardStates() returns them. */
export interface CardGroupRow {
  deckId: string;
  family: string;
  cards: number;
}

/** The memory state of one card that is not retired, without its deck and family: those come from its group. */
export interface CardStatsRow {
  /** 1 for an interview prompt, 0 for a flashcard. */
  interview: 0 | 1;
  suspended: 0 | 1;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  lastReview: number | null;
}

// Both statements read cards that are not retired from the cards_stats index, in its order. The
// LEFT JOIN keeps a card without a state row (read as new) so the two always list the same cards.
export const CARD_GROUPS_SQL = `SELECT deck_id AS deckId, family, COUNT(*) AS cards FROM cards
  WHERE retired_at IS NULL GROUP BY deck_id, family ORDER BY deck_id, family`;

export const CARD_STATES_SQL = `SELECT c.kind = 'interview' AS interview, c.suspended,
    COALESCE(cs.state, 0) AS state, COALESCE(cs.due, 0) AS due, COALESCE(cs.stability, 0) AS stability,
    COALESCE(cs.difficulty, 0) AS difficulty, cs.last_review AS lastReview
  FROM cards c LEFT JOIN card_state cs ON cs.card_id = c.id
  WHERE c.retired_at IS NULL ORDER BY c.deck_id, c.family`;

/** Creates the statements of the Statistics screen and the progress export: per-day sums and one pass over the cards. */
export function createStatsRepository(db: Database) {
  const daysBetween = db.prepare(DAYS_BETWEEN_SQL);
  const allDays = db.prepare(`SELECT ${DAY_COLUMNS} FROM review_day_totals ORDER BY study_day`);
  const studyDaysDescending = db
    .prepare('SELECT study_day FROM review_day_totals WHERE study_day <= ? ORDER BY study_day DESC')
    .pluck();
  const studyDaysAscending = db.prepare('SELECT study_day FROM review_day_totals ORDER BY study_day').pluck();
  const totals = db.prepare(
    `SELECT COALESCE(SUM(answers), 0) AS answers, COALESCE(SUM(duration_ms), 0) AS durationMs, COUNT(*) AS studyDays
     FROM review_day_totals`,
  );
  const cardGroups = db.prepare(CARD_GROUPS_SQL);
  const cardStates = db.prepare(CARD_STATES_SQL);
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
    /**
     * Returns every card that is not retired, suspended ones included: the
     * deck and family groups, then each card's state in group order. Reading
     * the two strings once per group instead of once per card saves about a
     * fifth of the time with 100,000 cards.
     */
    cardStats(): { groups: CardGroupRow[]; states: CardStatsRow[] } {
      return { groups: cardGroups.all() as CardGroupRow[], states: cardStates.all() as CardStatsRow[] };
    },
    /** Finished mock interviews, oldest first, with mean coverage and score of their scored answers. */
    interviewTrend(): InterviewTrendRow[] {
      return interviewTrend.all() as InterviewTrendRow[];
    },
  };
}

import type { Database } from 'better-sqlite3';
import { stateColumns, stateFromRow } from './memoryState.js';
import type { MemoryStateRow } from './types.js';

export type InterviewRepository = ReturnType<typeof createInterviewRepository>;

export type InterviewSessionStatus = 'active' | 'finished';
export type InterviewAnswerStatus = 'pending' | 'answering' | 'closed' | 'scored';
export type ClosedBy = 'next' | 'skip' | 'expired';

/** A key point as copied into an answer row when the session was planned. */
export interface StoredKeyPoint {
  point: string;
  phrases: string[];
}

export interface InterviewSessionRow {
  id: string;
  format: string;
  /** Format options as JSON text, such as a Custom session's families and count. */
  options: string;
  seed: number;
  reviewMode: 'each' | 'end';
  replayOf: string | null;
  requested: number;
  status: InterviewSessionStatus;
  startedAt: number;
  finishedAt: number | null;
}

export interface InterviewAnswerRow {
  sessionId: string;
  position: number;
  cardId: string;
  prompt: string;
  keyPoints: StoredKeyPoint[];
  timeLimitMs: number;
  usedMs: number;
  answer: string;
  /** The client's save counter; a save with a lower or equal revision is stale and ignored. */
  revision: number;
  status: InterviewAnswerStatus;
  closedBy: ClosedBy | null;
  matchedPoints: number[] | null;
  coveredPoints: number[] | null;
  proposedRating: number | null;
  rating: number | null;
  reviewRequestId: string | null;
  savedAt: number | null;
  closedAt: number | null;
  scoredAt: number | null;
}

export type NewInterviewAnswer = Pick<InterviewAnswerRow, 'sessionId' | 'position' | 'cardId' | 'prompt' | 'keyPoints' | 'timeLimitMs'>;

/** One row of the history list: a session with totals over its answers. */
export interface InterviewHistoryRow {
  id: string;
  format: string;
  status: InterviewSessionStatus;
  startedAt: number;
  finishedAt: number | null;
  prompts: number;
  scored: number;
  usedMs: number;
  /** Mean share of key points covered over scored answers; null when none is scored. */
  meanCoverage: number | null;
}

/** An interview card with its schedule, for planning a session. */
export interface PromptCandidateRow {
  cardId: string;
  deckId: string;
  family: string;
  style: string;
  timeLimitSec: number;
  state: MemoryStateRow;
}

const SESSION_COLUMNS = 'id, format, options, seed, review_mode, replay_of, requested, status, started_at, finished_at';

function sessionFromRow(row: Record<string, unknown>): InterviewSessionRow {
  return {
    id: row.id as string,
    format: row.format as string,
    options: row.options as string,
    seed: row.seed as number,
    reviewMode: row.review_mode as InterviewSessionRow['reviewMode'],
    replayOf: (row.replay_of as string | null) ?? null,
    requested: row.requested as number,
    status: row.status as InterviewSessionStatus,
    startedAt: row.started_at as number,
    finishedAt: (row.finished_at as number | null) ?? null,
  };
}

function parseList<T>(value: unknown): T[] | null {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : null;
}

function answerFromRow(row: Record<string, unknown>): InterviewAnswerRow {
  return {
    sessionId: row.session_id as string,
    position: row.position as number,
    cardId: row.card_id as string,
    prompt: row.prompt as string,
    keyPoints: JSON.parse(row.key_points as string) as StoredKeyPoint[],
    timeLimitMs: row.time_limit_ms as number,
    usedMs: row.used_ms as number,
    answer: row.answer as string,
    revision: row.revision as number,
    status: row.status as InterviewAnswerStatus,
    closedBy: (row.closed_by as ClosedBy | null) ?? null,
    matchedPoints: parseList<number>(row.matched_points),
    coveredPoints: parseList<number>(row.covered_points),
    proposedRating: (row.proposed_rating as number | null) ?? null,
    rating: (row.rating as number | null) ?? null,
    reviewRequestId: (row.review_request_id as string | null) ?? null,
    savedAt: (row.saved_at as number | null) ?? null,
    closedAt: (row.closed_at as number | null) ?? null,
    scoredAt: (row.scored_at as number | null) ?? null,
  };
}

function historyFromRow(row: Record<string, unknown>): InterviewHistoryRow {
  return {
    id: row.id as string,
    format: row.format as string,
    status: row.status as InterviewSessionStatus,
    startedAt: row.started_at as number,
    finishedAt: (row.finished_at as number | null) ?? null,
    prompts: row.prompts as number,
    scored: row.scored as number,
    usedMs: row.used_ms as number,
    meanCoverage: (row.mean_coverage as number | null) ?? null,
  };
}

export function createInterviewRepository(db: Database) {
  const insertSession = db.prepare(
    `INSERT INTO interview_sessions (${SESSION_COLUMNS})
     VALUES (@id, @format, @options, @seed, @reviewMode, @replayOf, @requested, @status, @startedAt, @finishedAt)`,
  );
  const insertAnswer = db.prepare(
    `INSERT INTO interview_answers (session_id, position, card_id, prompt, key_points, time_limit_ms)
     VALUES (@sessionId, @position, @cardId, @prompt, @keyPoints, @timeLimitMs)`,
  );
  const selectSession = db.prepare(`SELECT ${SESSION_COLUMNS} FROM interview_sessions WHERE id = ?`);
  const selectActive = db.prepare(
    `SELECT ${SESSION_COLUMNS} FROM interview_sessions WHERE status = 'active' ORDER BY started_at DESC, rowid DESC LIMIT 1`,
  );
  const selectAnswers = db.prepare('SELECT * FROM interview_answers WHERE session_id = ? ORDER BY position');
  const selectAnswer = db.prepare('SELECT * FROM interview_answers WHERE session_id = ? AND position = ?');
  // A save only lands on an open answer and only when it is newer than the stored one,
  // so a slow request that arrives after a later save cannot overwrite it.
  const saveAnswer = db.prepare(
    `UPDATE interview_answers
     SET answer = @answer, used_ms = MIN(@usedMs, time_limit_ms), revision = @revision, saved_at = @savedAt,
       status = 'answering'
     WHERE session_id = @sessionId AND position = @position AND status IN ('pending', 'answering') AND revision < @revision`,
  );
  const closeAnswer = db.prepare(
    `UPDATE interview_answers
     SET answer = @answer, used_ms = MIN(@usedMs, time_limit_ms), revision = MAX(revision, @revision), status = 'closed',
       closed_by = @closedBy, matched_points = @matchedPoints, proposed_rating = @proposedRating, closed_at = @closedAt,
       saved_at = @closedAt
     WHERE session_id = @sessionId AND position = @position AND status IN ('pending', 'answering')`,
  );
  const scoreAnswer = db.prepare(
    `UPDATE interview_answers
     SET status = 'scored', covered_points = @coveredPoints, rating = @rating, review_request_id = @requestId, scored_at = @scoredAt
     WHERE session_id = @sessionId AND position = @position AND status = 'closed'`,
  );
  const finishSession = db.prepare(`UPDATE interview_sessions SET status = 'finished', finished_at = ? WHERE id = ? AND status = 'active'`);
  const deleteSession = db.prepare('DELETE FROM interview_sessions WHERE id = ?');
  const historySql = (filter: string) =>
    `SELECT s.id, s.format, s.status, s.started_at, s.finished_at,
       COUNT(a.position) AS prompts,
       COALESCE(SUM(a.status = 'scored'), 0) AS scored,
       COALESCE(SUM(a.used_ms), 0) AS used_ms,
       AVG(CASE WHEN a.status = 'scored' AND json_array_length(a.key_points) > 0
         THEN json_array_length(a.covered_points) * 1.0 / json_array_length(a.key_points) END) AS mean_coverage
     FROM interview_sessions s LEFT JOIN interview_answers a ON a.session_id = s.id
     ${filter}`;
  const selectHistory = db.prepare(historySql('GROUP BY s.id ORDER BY s.started_at DESC, s.rowid DESC LIMIT @limit OFFSET @offset'));
  const selectHistoryEntry = db.prepare(historySql('WHERE s.id = @id GROUP BY s.id'));
  const candidateColumns = stateColumns()
    .split(', ')
    .map((column) => `cs.${column}`)
    .join(', ');
  const selectCandidates = db.prepare(
    `SELECT c.id AS card_id, c.deck_id, c.family, c.style, json_extract(c.content, '$.timeLimitSec') AS time_limit_sec,
       ${candidateColumns}
     FROM cards c JOIN card_state cs ON cs.card_id = c.id
     WHERE c.kind = 'interview' AND c.suspended = 0 AND c.retired_at IS NULL AND c.style IS NOT NULL`,
  );
  // Times each key point of a prompt was left uncovered in scored answers, keyed by the point's text.
  const selectMissed = db.prepare(
    `SELECT json_extract(point.value, '$.point') AS point, COUNT(*) AS missed
     FROM interview_answers a, json_each(a.key_points) AS point
     WHERE a.card_id = ? AND a.status = 'scored'
       AND point.key NOT IN (SELECT covered.value FROM json_each(a.covered_points) AS covered)
     GROUP BY json_extract(point.value, '$.point')`,
  );

  return {
    insertSession(row: InterviewSessionRow): void {
      insertSession.run(row);
    },
    insertAnswer(row: NewInterviewAnswer): void {
      insertAnswer.run({ ...row, keyPoints: JSON.stringify(row.keyPoints) });
    },
    getSession(id: string): InterviewSessionRow | null {
      const row = selectSession.get(id) as Record<string, unknown> | undefined;
      return row ? sessionFromRow(row) : null;
    },
    /** Returns the latest session that was neither finished nor discarded, or null. */
    findActive(): InterviewSessionRow | null {
      const row = selectActive.get() as Record<string, unknown> | undefined;
      return row ? sessionFromRow(row) : null;
    },
    listAnswers(sessionId: string): InterviewAnswerRow[] {
      return (selectAnswers.all(sessionId) as Record<string, unknown>[]).map(answerFromRow);
    },
    getAnswer(sessionId: string, position: number): InterviewAnswerRow | null {
      const row = selectAnswer.get(sessionId, position) as Record<string, unknown> | undefined;
      return row ? answerFromRow(row) : null;
    },
    /** Stores the typed answer and time used; returns false when the answer is closed or the save is stale. */
    saveAnswer(save: { sessionId: string; position: number; answer: string; usedMs: number; revision: number; savedAt: number }): boolean {
      return saveAnswer.run(save).changes === 1;
    },
    /** Closes an open answer with its final text, time and matched points; returns false when it was not open. */
    closeAnswer(close: {
      sessionId: string;
      position: number;
      answer: string;
      usedMs: number;
      revision: number;
      closedBy: ClosedBy;
      matchedPoints: number[];
      proposedRating: number;
      closedAt: number;
    }): boolean {
      return closeAnswer.run({ ...close, matchedPoints: JSON.stringify(close.matchedPoints) }).changes === 1;
    },
    /** Records the confirmed score of a closed answer; returns false when it was not closed. */
    scoreAnswer(score: { sessionId: string; position: number; coveredPoints: number[]; rating: number; requestId: string; scoredAt: number }): boolean {
      return scoreAnswer.run({ ...score, coveredPoints: JSON.stringify(score.coveredPoints) }).changes === 1;
    },
    finishSession(id: string, at: number): void {
      finishSession.run(at, id);
    },
    /** Deletes a session and, through the foreign key, its answers. */
    deleteSession(id: string): void {
      deleteSession.run(id);
    },
    listHistory(limit: number, offset: number): InterviewHistoryRow[] {
      return (selectHistory.all({ limit, offset }) as Record<string, unknown>[]).map(historyFromRow);
    },
    getHistoryEntry(id: string): InterviewHistoryRow | null {
      const row = selectHistoryEntry.get({ id }) as Record<string, unknown> | undefined;
      return row ? historyFromRow(row) : null;
    },
    listCandidates(): PromptCandidateRow[] {
      return (selectCandidates.all() as Record<string, unknown>[]).map((row) => ({
        cardId: row.card_id as string,
        deckId: row.deck_id as string,
        family: row.family as string,
        style: row.style as string,
        timeLimitSec: row.time_limit_sec as number,
        state: stateFromRow(row),
      }));
    },
    /** Counts, per key point text, how often scored answers to `cardId` left it uncovered. */
    missedCounts(cardId: string): Map<string, number> {
      const rows = selectMissed.all(cardId) as { point: string; missed: number }[];
      return new Map(rows.map((row) => [row.point, row.missed]));
    },
  };
}

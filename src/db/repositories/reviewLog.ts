import type { Database } from 'better-sqlite3';
import { stateColumns, stateFromRow, stateParameters, stateToParameters } from './memoryState.js';
import type { NewReviewLogRow, ReviewLogRow, ReviewSource } from './types.js';

export type ReviewLogRepository = ReturnType<typeof createReviewLogRepository>;

const COLUMNS = `id, request_id, card_id, rating, reviewed_at, duration_ms, study_day, source, ${stateColumns('before_')}, ${stateColumns('after_')}`;

function fromRow(row: Record<string, unknown>): ReviewLogRow {
  return {
    id: row.id as number,
    requestId: row.request_id as string,
    cardId: row.card_id as string,
    rating: row.rating as number,
    reviewedAt: row.reviewed_at as number,
    durationMs: row.duration_ms as number,
    studyDay: row.study_day as number,
    source: row.source as ReviewSource,
    before: stateFromRow(row, 'before_'),
    after: stateFromRow(row, 'after_'),
  };
}

export function createReviewLogRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO review_log (request_id, card_id, rating, reviewed_at, duration_ms, study_day, source, ${stateColumns('before_')}, ${stateColumns('after_')})
     VALUES (@request_id, @card_id, @rating, @reviewed_at, @duration_ms, @study_day, @source, ${stateParameters('before_')}, ${stateParameters('after_')})`,
  );
  const byRequestId = db.prepare(`SELECT ${COLUMNS} FROM review_log WHERE request_id = ?`);
  // The highest id is the latest answer recorded, whatever the wall clock said when it was written.
  const latestOfDay = db.prepare(`SELECT ${COLUMNS} FROM review_log WHERE study_day = ? AND source = ? ORDER BY id DESC LIMIT 1`);
  const latestOfCard = db.prepare(`SELECT ${COLUMNS} FROM review_log WHERE card_id = ? ORDER BY id DESC LIMIT 1`);
  const remove = db.prepare('DELETE FROM review_log WHERE id = ?');
  const countIntroducedOfDay = db.prepare(
    `SELECT
       COALESCE(SUM(before_state = 0), 0) AS new_cards,
       COALESCE(SUM(before_state = 2), 0) AS reviews,
       COUNT(*) AS answers
     FROM review_log WHERE study_day = ? AND source = 'review'`,
  );

  return {
    insert(row: NewReviewLogRow): number {
      const result = insert.run({
        request_id: row.requestId,
        card_id: row.cardId,
        rating: row.rating,
        reviewed_at: row.reviewedAt,
        duration_ms: row.durationMs,
        study_day: row.studyDay,
        source: row.source,
        ...stateToParameters(row.before, 'before_'),
        ...stateToParameters(row.after, 'after_'),
      });
      return Number(result.lastInsertRowid);
    },
    findByRequestId(requestId: string): ReviewLogRow | null {
      const row = byRequestId.get(requestId) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    latestOfDay(studyDay: number, source: ReviewSource): ReviewLogRow | null {
      const row = latestOfDay.get(studyDay, source) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    /** Returns the card's latest log row of any source and study day, which is the answer its current state came from. */
    latestOfCard(cardId: string): ReviewLogRow | null {
      const row = latestOfCard.get(cardId) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    delete(id: number): void {
      remove.run(id);
    },
    /** Counts today's daily-review answers: new cards introduced, review cards answered, all answers. */
    countsOfDay(studyDay: number): { newCards: number; reviews: number; answers: number } {
      const row = countIntroducedOfDay.get(studyDay) as { new_cards: number; reviews: number; answers: number };
      return { newCards: row.new_cards, reviews: row.reviews, answers: row.answers };
    },
  };
}

import type { Database } from 'better-sqlite3';
import { fillReviewDayTotals, REVIEW_DAY_COLUMNS, REVIEW_DAY_SUMS } from '../reviewDayTotals.js';

function addRow(row: 'NEW' | 'OLD'): string {
  const values = REVIEW_DAY_SUMS.map(([, expression]) => `(${expression(row)})`).join(', ');
  const updates = REVIEW_DAY_SUMS.map(([column]) => `${column} = ${column} + excluded.${column}`).join(', ');
  return `INSERT INTO review_day_totals (study_day, ${REVIEW_DAY_COLUMNS}) VALUES (${row}.study_day, ${values})
    ON CONFLICT (study_day) DO UPDATE SET ${updates};`;
}

function removeRow(row: 'NEW' | 'OLD'): string {
  const updates = REVIEW_DAY_SUMS.map(([column, expression]) => `${column} = ${column} - (${expression(row)})`).join(', ');
  return `UPDATE review_day_totals SET ${updates} WHERE study_day = ${row}.study_day;
    DELETE FROM review_day_totals WHERE study_day = ${row}.study_day AND answers = 0;`;
}

/**
 * Per-study-day sums of the review log, kept by triggers in the transaction of
 * each answer, undo and import. The Statistics screen then reads one row per
 * study day (about a thousand after three years) instead of aggregating
 * millions of answers on every visit.
 *
 * Two indexes served only the statistics and go, one index fewer each to
 * update on every answer: review_log_day_stats (migration 3) fed the per-day
 * aggregates, and card_state_due (migration 4) the due forecast, which now
 * counts in the same pass over the cards as the other per-card figures.
 * cards_stats (migration 4) is rebuilt to lead with the deck and family, so
 * that pass reads the cards grouped without sorting them.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE review_day_totals (
      study_day INTEGER PRIMARY KEY,
      ${REVIEW_DAY_SUMS.map(([column]) => `${column} INTEGER NOT NULL`).join(',\n      ')}
    ) STRICT;`);
  fillReviewDayTotals(db);
  db.exec(`
    DROP INDEX review_log_day_stats;
    DROP INDEX card_state_due;
    DROP INDEX cards_stats;
    CREATE INDEX cards_stats ON cards (retired_at, deck_id, family, suspended, kind, id);
    CREATE TRIGGER review_day_totals_insert AFTER INSERT ON review_log BEGIN ${addRow('NEW')} END;
    CREATE TRIGGER review_day_totals_delete AFTER DELETE ON review_log BEGIN ${removeRow('OLD')} END;
    CREATE TRIGGER review_day_totals_update AFTER UPDATE OF study_day, rating, duration_ms, before_state ON review_log
      BEGIN ${removeRow('OLD')} ${addRow('NEW')} END;
  `);
}

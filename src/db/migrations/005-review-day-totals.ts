import type { Database } from 'better-sqlite3';

/** Each per-day sum with the expression it adds for one review_log row (NEW or OLD). */
const SUMS: readonly (readonly [column: string, expression: (row: string) => string])[] = [
  ['answers', () => '1'],
  ['again', (row) => `${row}.rating = 1`],
  ['hard', (row) => `${row}.rating = 2`],
  ['good', (row) => `${row}.rating = 3`],
  ['easy', (row) => `${row}.rating = 4`],
  ['duration_ms', (row) => `${row}.duration_ms`],
  ['new_cards', (row) => `${row}.before_state = 0`],
  ['review_cards', (row) => `${row}.before_state = 2`],
  ['passed', (row) => `${row}.before_state = 2 AND ${row}.rating > 1`],
];

const COLUMNS = SUMS.map(([column]) => column).join(', ');

function addRow(row: 'NEW' | 'OLD'): string {
  const values = SUMS.map(([, expression]) => `(${expression(row)})`).join(', ');
  const updates = SUMS.map(([column]) => `${column} = ${column} + excluded.${column}`).join(', ');
  return `INSERT INTO review_day_totals (study_day, ${COLUMNS}) VALUES (${row}.study_day, ${values})
    ON CONFLICT (study_day) DO UPDATE SET ${updates};`;
}

function removeRow(row: 'NEW' | 'OLD'): string {
  const updates = SUMS.map(([column, expression]) => `${column} = ${column} - (${expression(row)})`).join(', ');
  return `UPDATE review_day_totals SET ${updates} WHERE study_day = ${row}.study_day;
    DELETE FROM review_day_totals WHERE study_day = ${row}.study_day AND answers = 0;`;
}

/** The same sums over the whole log, to fill the table once. */
function backfill(): string {
  const sums = SUMS.map(([, expression]) => `SUM(${expression('review_log')})`).join(', ');
  return `INSERT INTO review_day_totals (study_day, ${COLUMNS})
    SELECT study_day, ${sums} FROM review_log GROUP BY study_day;`;
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
      ${SUMS.map(([column]) => `${column} INTEGER NOT NULL`).join(',\n      ')}
    ) STRICT;
    ${backfill()}
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

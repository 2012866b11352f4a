import type { Database } from 'better-sqlite3';

/**
 * Each per-day sum of review_day_totals with the expression it adds for one
 * review_log row, given the row's name (NEW, OLD or a table name).
 *
 * NOTE: migration 5 builds its table, triggers and backfill from this list,
 * so editing it would change a shipped migration. A new sum needs a new
 * migration; give migration 5 a frozen copy of this list first.
 */
export const REVIEW_DAY_SUMS: readonly (readonly [column: string, expression: (row: string) => string])[] = [
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

/** The sum columns of review_day_totals, comma-separated, in table order. */
export const REVIEW_DAY_COLUMNS = REVIEW_DAY_SUMS.map(([column]) => column).join(', ');

const FILL_SQL = `INSERT INTO review_day_totals (study_day, ${REVIEW_DAY_COLUMNS})
    SELECT study_day, ${REVIEW_DAY_SUMS.map(([, expression]) => `SUM(${expression('review_log')})`).join(', ')} FROM review_log GROUP BY study_day;`;

/**
 * Fills an empty review_day_totals with the sums over the whole review_log of
 * `db`, in one pass: the same sums that the triggers add one row at a time.
 */
export function fillReviewDayTotals(db: Database): void {
  db.exec(FILL_SQL);
}

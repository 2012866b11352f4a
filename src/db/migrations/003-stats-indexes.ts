import type { Database } from 'better-sqlite3';

/**
 * A covering index for the per-day statistics: every sum the Statistics screen
 * and the progress export take per study day reads the index alone, never the
 * wide review_log rows.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX review_log_day_stats ON review_log (study_day, before_state, rating, duration_ms)');
}

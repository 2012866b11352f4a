import type { Database } from 'better-sqlite3';

interface SchemaEntry {
  name: string;
  sql: string;
}

/** Migration 1's review_log with the UNIQUE constraint taken off request_id; frozen here, as a shipped step must not change. */
const REVIEW_LOG_WITHOUT_UNIQUE = `
  CREATE TABLE review_log_rebuilt (
    id INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL,
    card_id TEXT NOT NULL REFERENCES cards (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    study_day INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('review', 'interview')),
    before_due INTEGER NOT NULL,
    before_stability REAL NOT NULL,
    before_difficulty REAL NOT NULL,
    before_elapsed_days INTEGER NOT NULL,
    before_scheduled_days INTEGER NOT NULL,
    before_learning_steps INTEGER NOT NULL,
    before_reps INTEGER NOT NULL,
    before_lapses INTEGER NOT NULL,
    before_state INTEGER NOT NULL,
    before_last_review INTEGER,
    after_due INTEGER NOT NULL,
    after_stability REAL NOT NULL,
    after_difficulty REAL NOT NULL,
    after_elapsed_days INTEGER NOT NULL,
    after_scheduled_days INTEGER NOT NULL,
    after_learning_steps INTEGER NOT NULL,
    after_reps INTEGER NOT NULL,
    after_lapses INTEGER NOT NULL,
    after_state INTEGER NOT NULL,
    after_last_review INTEGER
  ) STRICT`;

function schemaOf(db: Database, type: 'index' | 'trigger'): SchemaEntry[] {
  return db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = 'review_log' AND sql IS NOT NULL")
    .all(type) as SchemaEntry[];
}

/**
 * Moves the uniqueness of review_log.request_id from an inline UNIQUE
 * constraint to a named unique index, review_log_request. Answers keep the
 * same guarantee (a repeated request id is still refused, so a double click
 * stores one answer). The gain is for the import: a table definition without
 * the constraint can be loaded first and indexed after, one sort in place of
 * 2 million index updates, and SQLite only accepts a named index for that.
 *
 * SQLite cannot drop a column constraint, so the table is rebuilt: copied
 * into a new table, the old one dropped, the new one renamed. Its other
 * indexes and its triggers (the per-day totals of migration 5) are read from
 * the schema and created again with their exact text; the rows do not change,
 * so review_day_totals stays valid. Nothing refers to review_log by a foreign
 * key, so dropping it checks nothing.
 */
export function up(db: Database): void {
  const indexes = schemaOf(db, 'index');
  const triggers = schemaOf(db, 'trigger');
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  db.exec(REVIEW_LOG_WITHOUT_UNIQUE);
  db.exec('INSERT INTO review_log_rebuilt SELECT * FROM review_log');
  db.exec('DROP TABLE review_log');
  db.exec('ALTER TABLE review_log_rebuilt RENAME TO review_log');
  db.exec('CREATE UNIQUE INDEX review_log_request ON review_log (request_id)');
  for (const entry of [...indexes, ...triggers]) db.exec(entry.sql);
}

import { join } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { planMigrations, runMigrations } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { testLogger } from './tempApp.js';

/** One answer of the review log, reduced to what the per-day totals and the migrations look at. */
export interface LogRow {
  day: number;
  rating: number;
  beforeState: number;
  durationMs: number;
  requestId?: string;
}

let requestCounter = 0;

/** Opens a new database in `dir` migrated to `version` only, with one deck 'd' and one card 'c1'. */
export function openAtVersion(dir: string, version: number): Database {
  const path = join(dir, 'rehearse.db');
  const database = new DatabaseConstructor(path);
  runMigrations(database, planMigrations(database, path, MIGRATIONS.slice(0, version)), testLogger);
  database.exec(`INSERT INTO decks (id, title, family, source, updated_at) VALUES ('d', 'Deck', 'system-design', 'bundled', 0);
    INSERT INTO cards (id, deck_id, kind, family, content, position, created_at, updated_at)
      VALUES ('c1', 'd', 'basic', 'system-design', '{}', 1, 0, 0);`);
  return database;
}

/** Runs the migrations that `database` still lacks. */
export function migrateToLatest(database: Database): void {
  runMigrations(database, planMigrations(database, 'rehearse.db'), testLogger);
}

/** Inserts one answer of card 'c1' with SQL, as any schema version since 1 accepts it; returns its rowid. */
export function insertLog(database: Database, row: LogRow): number {
  requestCounter += 1;
  const state = (prefix: string) =>
    ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review']
      .map((column) => prefix + column)
      .join(', ');
  const result = database
    .prepare(
      `INSERT INTO review_log (request_id, card_id, rating, reviewed_at, duration_ms, study_day, source,
         ${state('before_')}, ${state('after_')})
       VALUES (?, 'c1', ?, ?, ?, ?, 'review', 0, 1, 5, 0, 0, 0, 0, 0, ?, NULL, 0, 1, 5, 0, 0, 0, 1, 0, 2, 0)`,
    )
    .run(row.requestId ?? `request-${requestCounter}`, row.rating, row.day * 86_400_000, row.durationMs, row.day, row.beforeState);
  return Number(result.lastInsertRowid);
}

import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { insertLog, migrateToLatest, openAtVersion } from '../helpers/olderDatabase.js';
import { makeTempDir } from '../helpers/tempApp.js';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
afterEach(() => {
  db?.close();
  temp?.cleanup();
});

function openVersion5(): Database {
  temp = makeTempDir();
  return openAtVersion(temp.path, 5);
}

function schema(database: Database, type: string): { name: string; sql: string | null }[] {
  return database
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = ? AND tbl_name = 'review_log' ORDER BY name")
    .all(type) as { name: string; sql: string | null }[];
}

describe('migration 6: review_log_request index', () => {
  it('keeps rows, triggers and indexes', () => {
    db = openVersion5();
    for (let day = 0; day < 5; day += 1) insertLog(db, { day: 20_000 + day, rating: 1 + (day % 4), beforeState: day % 4, durationMs: 100 * day });
    db.prepare('DELETE FROM review_log WHERE id = 2').run();
    const rowsBefore = db.prepare('SELECT * FROM review_log ORDER BY id').all();
    const totalsBefore = db.prepare('SELECT * FROM review_day_totals ORDER BY study_day').all();
    const triggersBefore = schema(db, 'trigger');
    const otherIndexes = schema(db, 'index').filter((entry) => entry.sql !== null);
    expect(schema(db, 'index').map((entry) => entry.name)).toContain('sqlite_autoindex_review_log_1');

    migrateToLatest(db);

    expect(db.prepare('SELECT * FROM review_log ORDER BY id').all()).toEqual(rowsBefore);
    expect(db.prepare('SELECT * FROM review_day_totals ORDER BY study_day').all()).toEqual(totalsBefore);
    expect(schema(db, 'trigger')).toEqual(triggersBefore);
    const indexes = schema(db, 'index');
    expect(indexes.map((entry) => entry.name)).toEqual([...otherIndexes.map((entry) => entry.name), 'review_log_request'].sort());
    expect(indexes.find((entry) => entry.name === 'review_log_request')?.sql).toBe('CREATE UNIQUE INDEX review_log_request ON review_log (request_id)');
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'review_log'").pluck().get() as string;
    expect(table).not.toMatch(/UNIQUE/i);
    expect(table).toMatch(/^CREATE TABLE "?review_log"? \(/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('rejects a repeated request id', () => {
    db = openVersion5();
    insertLog(db, { day: 20_000, rating: 3, beforeState: 2, durationMs: 10, requestId: 'same' });
    migrateToLatest(db);
    let caught: unknown;
    try {
      insertLog(db, { day: 20_001, rating: 1, beforeState: 0, durationMs: 10, requestId: 'same' });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code?: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    insertLog(db, { day: 20_001, rating: 1, beforeState: 0, durationMs: 10, requestId: 'other' });
    expect(db.prepare('SELECT study_day, answers, again FROM review_day_totals ORDER BY study_day').all()).toEqual([
      { study_day: 20_000, answers: 1, again: 0 },
      { study_day: 20_001, answers: 1, again: 1 },
    ]);
  });

  it('keeps the card foreign key', () => {
    db = openVersion5();
    migrateToLatest(db);
    db.pragma('foreign_keys = ON');
    expect(() => db.exec("UPDATE review_log SET card_id = 'missing'")).not.toThrow();
    insertLog(db, { day: 20_000, rating: 3, beforeState: 2, durationMs: 10 });
    expect(() => db.exec("UPDATE review_log SET card_id = 'missing'")).toThrow(/FOREIGN KEY/);
  });
});

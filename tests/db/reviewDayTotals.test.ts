import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { insertLog, migrateToLatest, openAtVersion as openInDir, type LogRow } from '../helpers/olderDatabase.js';
import { makeTempDir } from '../helpers/tempApp.js';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
afterEach(() => {
  db?.close();
  temp?.cleanup();
});

/** What review_day_totals must hold: the same sums taken straight from the log. */
const REFERENCE = `SELECT study_day, COUNT(*) AS answers, SUM(rating = 1) AS again, SUM(rating = 2) AS hard,
    SUM(rating = 3) AS good, SUM(rating = 4) AS easy, SUM(duration_ms) AS duration_ms,
    SUM(before_state = 0) AS new_cards, SUM(before_state = 2) AS review_cards,
    SUM(before_state = 2 AND rating > 1) AS passed
  FROM review_log GROUP BY study_day ORDER BY study_day`;

const TOTALS = `SELECT study_day, answers, again, hard, good, easy, duration_ms, new_cards, review_cards, passed
  FROM review_day_totals ORDER BY study_day`;

function openAtVersion(version: number): Database {
  temp = makeTempDir();
  return openInDir(temp.path, version);
}

function expectTotalsMatchLog(database: Database): void {
  expect(database.prepare(TOTALS).all()).toEqual(database.prepare(REFERENCE).all());
}

// Every rating with every state before the answer, spread over three days and two durations.
const HISTORY: LogRow[] = [1, 2, 3, 4].flatMap((rating) =>
  [0, 1, 2, 3].map((beforeState) => ({ day: 20_000 + ((rating + beforeState) % 3), rating, beforeState, durationMs: rating * 1000 + beforeState })),
);

describe('review_day_totals', () => {
  it('is filled from the existing log when the migration runs', () => {
    db = openAtVersion(4);
    for (const row of HISTORY) insertLog(db, row);
    migrateToLatest(db);
    expect(db.prepare('SELECT COUNT(*) FROM review_day_totals').pluck().get()).toBe(3);
    expectTotalsMatchLog(db);
  });

  it('drops the two indexes that only the old statistics queries used', () => {
    db = openAtVersion(4);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('review_log_day_stats', 'card_state_due')").pluck();
    expect(indexes.all()).toHaveLength(2);
    migrateToLatest(db);
    expect(indexes.all()).toEqual([]);
  });

  it('follows every insert, delete and update of the log', () => {
    db = openAtVersion(MIGRATIONS.length);
    const ids = HISTORY.map((row) => insertLog(db, row));
    expectTotalsMatchLog(db);

    const steps: { name: string; run: () => void }[] = [
      { name: 'undo of a review answer', run: () => db.prepare('DELETE FROM review_log WHERE id = ?').run(ids[10]) },
      { name: 'a new day', run: () => insertLog(db, { day: 20_010, rating: 3, beforeState: 2, durationMs: 700 }) },
      { name: 'rating changed from Again to Good', run: () => db.prepare('UPDATE review_log SET rating = 3 WHERE id = ?').run(ids[0]) },
      { name: 'answer moved to another day', run: () => db.prepare('UPDATE review_log SET study_day = 20_020 WHERE id = ?').run(ids[1]) },
      { name: 'state before the answer changed', run: () => db.prepare('UPDATE review_log SET before_state = 2 WHERE id = ?').run(ids[2]) },
      { name: 'duration changed', run: () => db.prepare('UPDATE review_log SET duration_ms = 99 WHERE id = ?').run(ids[3]) },
    ];
    for (const step of steps) {
      step.run();
      expect(db.prepare(TOTALS).all(), step.name).toEqual(db.prepare(REFERENCE).all());
    }
  });

  it('loses the row of a day whose last answer is taken back', () => {
    db = openAtVersion(MIGRATIONS.length);
    insertLog(db, { day: 20_000, rating: 3, beforeState: 2, durationMs: 10 });
    const only = insertLog(db, { day: 20_001, rating: 1, beforeState: 0, durationMs: 10 });
    db.prepare('DELETE FROM review_log WHERE id = ?').run(only);
    expect(db.prepare('SELECT study_day FROM review_day_totals').pluck().all()).toEqual([20_000]);
  });

  it('rolls back with the answer when the transaction fails', () => {
    db = openAtVersion(MIGRATIONS.length);
    insertLog(db, { day: 20_000, rating: 3, beforeState: 2, durationMs: 10 });
    const failing = db.transaction(() => {
      insertLog(db, { day: 20_000, rating: 4, beforeState: 2, durationMs: 10 });
      throw new Error('write failed after the log row');
    });
    expect(() => failing()).toThrow('write failed after the log row');
    expect(db.prepare('SELECT answers, easy FROM review_day_totals').all()).toEqual([{ answers: 1, easy: 0 }]);
  });
});

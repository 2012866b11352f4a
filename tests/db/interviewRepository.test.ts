import DatabaseConstructor from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { planMigrations, runMigrations } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { makeTempDir, testLogger } from '../helpers/tempApp.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
let cleanup: (() => void) | null = null;
let db: Database | null = null;

afterEach(() => {
  db?.close();
  db = null;
  cleanup?.();
  cleanup = null;
});

/** A database at schema version 1 holding one interview card with its state. */
function versionOneFile(): string {
  const dir = makeTempDir();
  cleanup = dir.cleanup;
  const path = join(dir.path, 'rehearse.db');
  const old = new DatabaseConstructor(path);
  runMigrations(old, planMigrations(old, path, MIGRATIONS.slice(0, 1)), testLogger);
  old.exec(`
    INSERT INTO decks (id, title, family, source, updated_at) VALUES ('serving', 'Serving', 'deployment-and-serving', 'bundled', ${NOW});
    INSERT INTO cards (id, deck_id, kind, family, style, content, position, created_at, updated_at)
      VALUES ('rapid-1', 'serving', 'interview', 'deployment-and-serving', 'rapid', '{"timeLimitSec":90}', 0, ${NOW}, ${NOW});
    INSERT INTO card_state (card_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state)
      VALUES ('rapid-1', ${NOW}, 2.5, 5.1, 0, 3, 0, 1, 0, 2);
  `);
  old.close();
  return path;
}

function openMigrated(): Database {
  db = openDatabase(versionOneFile(), { logger: testLogger });
  return db;
}

function addSession(database: Database, id: string, startedAt: number) {
  const repositories = createRepositories(database);
  repositories.interviews.insertSession({
    id,
    format: 'rapid',
    options: '{}',
    seed: 1,
    reviewMode: 'each',
    replayOf: null,
    requested: 8,
    status: 'active',
    startedAt,
    finishedAt: null,
  });
  const keyPoints = ['a', 'b', 'c', 'd'].map((point) => ({ point, phrases: [point] }));
  repositories.interviews.insertAnswer({ sessionId: id, position: 0, cardId: 'rapid-1', prompt: 'Why?', keyPoints, timeLimitMs: 120_000 });
  return repositories;
}

function plan(database: Database, sql: string, ...parameters: unknown[]): string {
  const rows = database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

describe('interview migration', () => {
  it('keeps existing cards and states', () => {
    const database = openMigrated();
    const repositories = createRepositories(database);
    expect(repositories.cards.get('rapid-1')?.style).toBe('rapid');
    expect(repositories.states.get('rapid-1')?.stability).toBe(2.5);
  });

  it('candidates read the time limit', () => {
    const [candidate] = createRepositories(openMigrated()).interviews.listCandidates();
    expect(candidate!.timeLimitSec).toBe(90);
    expect(candidate!.state.state).toBe(2);
  });

  it('answers of a session use the primary key', () => {
    const database = openMigrated();
    expect(plan(database, 'SELECT * FROM interview_answers WHERE session_id = ? ORDER BY position', 'x')).toMatch(
      /USING INDEX sqlite_autoindex_interview_answers_1/,
    );
  });

  it('missed counts use the card index', () => {
    const database = openMigrated();
    expect(plan(database, "SELECT * FROM interview_answers WHERE card_id = ? AND status = 'scored'", 'x')).toMatch(
      /USING INDEX interview_answers_card/,
    );
  });

  it('rejects an unknown card', () => {
    const database = openMigrated();
    const repositories = addSession(database, 's1', NOW);
    expect(() =>
      repositories.interviews.insertAnswer({ sessionId: 's1', position: 1, cardId: 'missing', prompt: 'x', keyPoints: [], timeLimitMs: 1000 }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('deleting a session deletes its answers', () => {
    const database = openMigrated();
    const repositories = addSession(database, 's1', NOW);
    repositories.interviews.deleteSession('s1');
    expect(repositories.interviews.listAnswers('s1')).toEqual([]);
  });
});

describe('interview repository', () => {
  it('save bumps status and keeps revisions ordered', () => {
    const database = openMigrated();
    const { interviews } = addSession(database, 's1', NOW);
    const save = { sessionId: 's1', position: 0, answer: 'one', usedMs: 1000, revision: 2, savedAt: NOW };
    expect(interviews.saveAnswer(save)).toBe(true);
    expect(interviews.saveAnswer({ ...save, answer: 'stale', revision: 2 })).toBe(false);
    const row = interviews.getAnswer('s1', 0)!;
    expect(row.answer).toBe('one');
    expect(row.status).toBe('answering');
  });

  it('close then score stores the points', () => {
    const database = openMigrated();
    const { interviews } = addSession(database, 's1', NOW);
    const close = { sessionId: 's1', position: 0, answer: 'a b', usedMs: 5000, revision: 1, closedBy: 'next' as const };
    expect(interviews.closeAnswer({ ...close, matchedPoints: [0, 1], proposedRating: 2, closedAt: NOW })).toBe(true);
    expect(interviews.scoreAnswer({ sessionId: 's1', position: 0, coveredPoints: [0], rating: 1, requestId: 'request-1', scoredAt: NOW })).toBe(true);
    const row = interviews.getAnswer('s1', 0)!;
    expect(row.matchedPoints).toEqual([0, 1]);
    expect(row.coveredPoints).toEqual([0]);
    expect(row.status).toBe('scored');
  });

  it('score of an open answer changes nothing', () => {
    const database = openMigrated();
    const { interviews } = addSession(database, 's1', NOW);
    expect(interviews.scoreAnswer({ sessionId: 's1', position: 0, coveredPoints: [], rating: 1, requestId: 'request-1', scoredAt: NOW })).toBe(false);
  });

  it('missed counts skip covered points', () => {
    const database = openMigrated();
    const { interviews } = addSession(database, 's1', NOW);
    interviews.closeAnswer({ sessionId: 's1', position: 0, answer: '', usedMs: 0, revision: 1, closedBy: 'skip', matchedPoints: [], proposedRating: 1, closedAt: NOW });
    interviews.scoreAnswer({ sessionId: 's1', position: 0, coveredPoints: [1, 3], rating: 2, requestId: 'request-1', scoredAt: NOW });
    expect(Object.fromEntries(interviews.missedCounts('rapid-1'))).toEqual({ a: 1, c: 1 });
  });

  it('history orders newest first with totals', () => {
    const database = openMigrated();
    addSession(database, 'older', NOW);
    const { interviews } = addSession(database, 'newer', NOW + 1000);
    const history = interviews.listHistory(10, 0);
    expect(history.map((row) => row.id)).toEqual(['newer', 'older']);
    expect(history[0]!.prompts).toBe(1);
    expect(history[0]!.meanCoverage).toBeNull();
  });

  it('active session is the latest unfinished one', () => {
    const database = openMigrated();
    addSession(database, 'older', NOW);
    const { interviews } = addSession(database, 'newer', NOW + 1000);
    interviews.finishSession('newer', NOW + 2000);
    expect(interviews.findActive()?.id).toBe('older');
  });
});

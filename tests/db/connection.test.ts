import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { DatabaseCorruptError, DatabaseLockedError, DatabaseTooNewError } from '../../src/db/errors.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { makeTempDir, testLogger } from '../helpers/tempApp.js';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.cleanup());

function schemaOf(path: string): string {
  const db = new DatabaseConstructor(path, { readonly: true });
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
  db.close();
  return JSON.stringify(rows);
}

describe('openDatabase', () => {
  it('fresh database migrates with the pragmas set', () => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    const db = openDatabase(path, { logger: testLogger });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0").all();
    expect(strict).toEqual([]);
    db.close();
  });

  it('second run changes nothing', () => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    openDatabase(path, { logger: testLogger }).close();
    const schema = schemaOf(path);
    let migrated = false;
    openDatabase(path, { logger: testLogger, beforeMigrate: () => (migrated = true) }).close();
    expect(schemaOf(path)).toBe(schema);
    expect(migrated).toBe(false);
  });

  it('newer database is rejected and left byte-identical', () => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    const future = new DatabaseConstructor(path);
    future.exec('CREATE TABLE future_table (x INTEGER) STRICT');
    future.pragma(`user_version = ${LATEST_VERSION + 5}`);
    future.close();
    const bytes = readFileSync(path);
    expect(() => openDatabase(path, { logger: testLogger })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path, { logger: testLogger })).toThrow(/newer than this Rehearse understands/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  const badFiles: { name: string; bytes: () => Buffer }[] = [
    { name: 'random bytes', bytes: () => Buffer.from(Array.from({ length: 8192 }, (_, index) => (index * 7919) % 251)) },
    { name: 'text file', bytes: () => Buffer.from('this is not a database\n'.repeat(100)) },
  ];
  it.each(badFiles)('$name is rejected as corrupt and kept', ({ bytes }) => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    writeFileSync(path, bytes());
    expect(() => openDatabase(path, { logger: testLogger })).toThrow(DatabaseCorruptError);
    expect(readFileSync(path).equals(bytes())).toBe(true);
  });

  it('second process is refused while the first holds the file', () => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    const db = openDatabase(path, { logger: testLogger });
    expect(() => openDatabase(path, { logger: testLogger, busyTimeoutMs: 50 })).toThrow(DatabaseLockedError);
    // A separate OS process sees the same lock.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      db.pragma('busy_timeout = 50');
      try { db.exec('BEGIN EXCLUSIVE; COMMIT;'); console.log('acquired'); } catch (e) { console.log(e.code); }
    `;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: process.cwd() });
    expect(child.stdout.trim()).toBe('SQLITE_BUSY');
    db.close();
    const after = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: process.cwd() });
    expect(after.stdout.trim()).toBe('acquired');
  });

  it('lock is released when the holder is killed', () => {
    temp = makeTempDir();
    const path = join(temp.path, 'rehearse.db');
    openDatabase(path, { logger: testLogger }).close();
    const holder = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; COMMIT;');
      process.kill(process.pid, 'SIGKILL');
    `;
    const killed = spawnSync(process.execPath, ['-e', holder], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    const db = openDatabase(path, { logger: testLogger, busyTimeoutMs: 50 });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});

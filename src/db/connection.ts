import DatabaseConstructor, { type Database } from 'better-sqlite3';
import type { Logger } from '../log/logger.js';
import { DatabaseCorruptError, DatabaseLockedError, StorageError, WriteFailedError } from './errors.js';
import { planMigrations, runMigrations, type MigrationPlan } from './migrate.js';

export type { Database };

export interface OpenOptions {
  logger: Logger;
  /** How long a statement waits for a lock before failing, in milliseconds. */
  busyTimeoutMs?: number;
  /** Called with the open database before pending migrations run on a database that has data. */
  beforeMigrate?: (db: Database, plan: MigrationPlan) => void;
  /** Opens without writing anything: no WAL switch, no migrations, no lock. */
  readOnly?: boolean;
}

/**
 * Opens (creating when missing) the database at `path`, takes the exclusive
 * lock that keeps other Rehearse processes out, and migrates it.
 *
 * The lock is SQLite's EXCLUSIVE locking mode: the operating system drops it
 * when the process dies, so a killed process never leaves the folder locked.
 * The schema version is checked before anything is written, so a file from a
 * newer Rehearse stays byte-identical. A file that is not a database fails on
 * the first read (SQLITE_NOTADB), so it is never written either.
 */
export function openDatabase(path: string, options: OpenOptions): Database {
  // NOTE: never open the database file with node:fs while a connection holds it: closing any
  // descriptor of the file drops every POSIX lock this process has on it, the exclusive one included.
  const db = new DatabaseConstructor(path, { readonly: options.readOnly ?? false });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 1000}`);
    if (options.readOnly) return db;
    db.pragma('locking_mode = EXCLUSIVE');
    acquireLock(db, path);
    const plan = planMigrations(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (plan.pending.length > 0 && plan.from > 0) options.beforeMigrate?.(db, plan);
    runMigrations(db, plan, options.logger);
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error, path);
  }
}

function acquireLock(db: Database, path: string): void {
  try {
    // A read takes SQLite's shared lock; BEGIN EXCLUSIVE upgrades it, and EXCLUSIVE locking mode keeps it until close.
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_BUSY') throw new DatabaseLockedError(path);
    throw error;
  }
}

function translateOpenError(error: unknown, path: string): unknown {
  if (error instanceof StorageError) return error;
  const code = sqliteCode(error);
  if (code === 'SQLITE_BUSY') return new DatabaseLockedError(path);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new DatabaseCorruptError(path, (error as Error).message);
  }
  return translateWriteError(error);
}

/** Returns the SQLite result code name of a better-sqlite3 error, such as `SQLITE_FULL`. */
export function sqliteCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return null;
}

/** Maps a failed write to a WriteFailedError the user can act on; other errors pass through. */
export function translateWriteError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === null) return error;
  const detail = (error as Error).message;
  if (code.startsWith('SQLITE_FULL')) return new WriteFailedError('full', detail);
  if (code.startsWith('SQLITE_READONLY')) return new WriteFailedError('read-only', detail);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new WriteFailedError('other', detail);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new StorageError(`The data file is damaged: ${detail}`);
  return error;
}

/**
 * Runs `work` in one IMMEDIATE transaction and maps SQLite write failures, so
 * a multi-row write is all or nothing.
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  try {
    return db.transaction(work).immediate();
  } catch (error) {
    throw translateWriteError(error);
  }
}

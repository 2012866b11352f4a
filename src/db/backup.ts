import { rmSync } from 'node:fs';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { sqliteCode } from './connection.js';

/**
 * Copies the live database to `targetPath` with SQLite's online backup API.
 * better-sqlite3 copies in steps between event-loop turns, so answers keep
 * being served while a large file is copied.
 */
export async function backupDatabase(db: Database, targetPath: string): Promise<void> {
  await db.backup(targetPath);
}

/**
 * Writes a consistent copy of the database with `VACUUM INTO`, synchronously.
 * Used where a backup must finish before the next statement, such as before
 * migrations run inside the open call.
 */
export function snapshotDatabase(db: Database, targetPath: string): void {
  db.prepare('VACUUM INTO ?').run(targetPath);
}

export interface FileCheck {
  ok: boolean;
  /** SQLite's first complaint, or null when the file is sound. */
  problem: string | null;
  schemaVersion: number | null;
}

/**
 * Opens a database file read-only and runs `PRAGMA quick_check` (or integrity_check) on it.
 * NOTE: only for files this process does not hold open: closing the check's handle would drop
 * this process's locks on that file.
 */
export function checkDatabaseFile(path: string, mode: 'quick' | 'full' = 'quick'): FileCheck {
  let db: Database | null = null;
  try {
    db = new DatabaseConstructor(path, { readonly: true, fileMustExist: true });
    const pragma = mode === 'quick' ? 'quick_check' : 'integrity_check';
    const rows = db.pragma(pragma) as Record<string, string>[];
    const first = rows[0] ? Object.values(rows[0])[0] : 'no result';
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return first === 'ok' ? { ok: true, problem: null, schemaVersion } : { ok: false, problem: String(first), schemaVersion };
  } catch (error) {
    const code = sqliteCode(error);
    return { ok: false, problem: code ? `${code}: ${(error as Error).message}` : (error as Error).message, schemaVersion: null };
  } finally {
    db?.close();
  }
}

/** Runs `PRAGMA quick_check` on an open connection and returns the problems found (empty when sound). */
export function quickCheck(db: Database): string[] {
  let rows: Record<string, string>[];
  try {
    rows = db.pragma('quick_check') as Record<string, string>[];
  } catch (error) {
    // A page too damaged to parse stops the check with SQLITE_CORRUPT instead of a result row.
    const code = sqliteCode(error);
    return [code ? `${code}: ${(error as Error).message}` : (error as Error).message];
  }
  const messages = rows.map((row) => String(Object.values(row)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** Returns how many rows this connection has changed since it opened. */
export function totalChanges(db: Database): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** The suffix, after the database file's name, that starts the name of a read snapshot. */
export const SNAPSHOT_MARK = '.snapshot-';

export interface ReadSnapshot {
  db: Database;
  close(): void;
}

/**
 * Copies the live database with the online backup API into a file beside it
 * and opens the copy read-only, so a long export reads one consistent state
 * while answers keep being written to the live file. `close` deletes the copy.
 */
export async function openReadSnapshot(db: Database): Promise<ReadSnapshot> {
  const path = `${db.name}${SNAPSHOT_MARK}${process.pid}-${Date.now()}`;
  const removeFiles = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  };
  try {
    await db.backup(path);
    const snapshot = new DatabaseConstructor(path, { readonly: true, fileMustExist: true });
    return {
      db: snapshot,
      close: () => {
        snapshot.close();
        removeFiles();
      },
    };
  } catch (error) {
    removeFiles();
    throw error;
  }
}

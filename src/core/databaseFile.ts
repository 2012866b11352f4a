import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { totalChanges } from '../db/backup.js';
import type { Logger } from '../log/logger.js';
import type { BackupEntry } from './backup/policy.js';
import type { BackupService } from './backup/service.js';
import type { BackupStore } from './backup/store.js';
import type { CoreContext } from './context.js';
import type { DeckFile } from './decks/sync.js';
import { ConflictError } from './errors.js';
import { openSyncedDatabase } from './startup.js';

/** The operation that replaces a data folder's live database: a JSON import or a restore of a backup. */
export type Replacement = 'import' | 'restore';

const REPLACEMENT_NAMES: Record<Replacement, string> = { import: 'a backup is being imported', restore: 'a backup is being restored' };

/** Data folders whose live database a running import or restore will replace, and which one it is. */
const replacing = new WeakMap<CoreContext, Replacement>();

/**
 * Marks the folder of `context` as being replaced by `activity` and returns
 * the function that clears the mark. Throws ConflictError while another
 * import or restore runs, since the later swap would undo the earlier one.
 */
export function claimDatabaseFile(context: CoreContext, activity: Replacement): () => void {
  const running = replacing.get(context);
  if (running !== undefined) {
    throw new ConflictError(`Nothing was started because ${REPLACEMENT_NAMES[running]} in this data folder. Wait for it to finish, then try again.`);
  }
  replacing.set(context, activity);
  return () => replacing.delete(context);
}

/** Exports running in each data folder; an import or restore does not swap the database under them. */
const runningExports = new WeakMap<CoreContext, number>();

/**
 * Counts an export of the folder of `context` as running and returns the
 * function that ends it. Throws ConflictError while an import or restore runs.
 */
export function claimExport(context: CoreContext): () => void {
  const running = replacing.get(context);
  if (running !== undefined) {
    throw new ConflictError(`The export was not started because ${REPLACEMENT_NAMES[running]} in this data folder. Wait for it to finish, then try again.`);
  }
  runningExports.set(context, (runningExports.get(context) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    runningExports.set(context, runningExports.get(context)! - 1);
  };
}

/** The parts of an open data folder needed to reopen its live database. */
export interface DatabaseHome {
  context: CoreContext;
  databasePath: string;
  store: BackupStore;
  decks: DeckFile[];
  logger: Logger;
}

/** Flushes a file, or a folder's list of names, to disk. */
function flushToDisk(path: string, flags: 'r' | 'r+'): void {
  const descriptor = openSync(path, flags);
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Puts the database file at `path` in place of the live one and reopens it
 * (migrations, then the deck sync), so handlers see the new data at once. The
 * file is flushed to disk before the rename and the folder after it, so a
 * crash leaves either the old database or the new one, complete. `path` must
 * be in the same folder and no connection may hold it.
 */
export function replaceDatabaseFile(home: DatabaseHome, path: string): void {
  flushToDisk(path, 'r+');
  home.context.db.close();
  // In EXCLUSIVE locking mode there is no -shm file, but a -wal file may remain from the closed connection.
  rmSync(`${home.databasePath}-wal`, { force: true });
  renameSync(path, home.databasePath);
  try {
    flushToDisk(dirname(home.databasePath), 'r');
  } catch (error) {
    // Some systems cannot flush a folder (Windows refuses with EPERM). The rename is done, so the new file must still be opened.
    home.logger.warn('could not flush the data folder after replacing the database', { error });
  }
  const reopened = openSyncedDatabase(home.databasePath, home.store, home.decks, home.context.clock, home.logger);
  home.context.db = reopened.db;
  home.context.repositories = reopened.repositories;
}

export interface SwapOptions {
  /** Kind of the backup kept of the database being replaced. */
  reason: 'before-import' | 'before-restore';
  /** The message of the ConflictError raised when the folder changed while that backup was written. */
  changedMessage: string;
  /** Runs after the backup and right before the swap, with nothing in between: the last checks, which may throw. */
  beforeSwap?: () => void;
}

/**
 * Replaces the live database with the file at `path` after backing it up.
 * The live database is copied in one synchronous step once any backup in
 * progress is done, and the copy is compressed. A write made during the
 * compression would be in neither file, so the swap is then rejected with
 * ConflictError. Returns the backup, which is kept whether or not the swap
 * happens.
 */
export async function swapInWithBackup(home: DatabaseHome, backups: BackupService, path: string, options: SwapOptions): Promise<BackupEntry> {
  await backups.idle();
  const snapshot = backups.snapshotNow(options.reason);
  const entry = await snapshot.entry;
  // No await from here to the swap, so no request can write in between. A backup queued meanwhile
  // waits on the same promise, whose handlers run after this one, and then reads the new database.
  if (totalChanges(home.context.db) !== snapshot.changes) throw new ConflictError(options.changedMessage);
  if ((runningExports.get(home.context) ?? 0) > 0) {
    throw new ConflictError('An export is still being written, and the swap would cut it off. Wait for the download to finish, then try again.');
  }
  options.beforeSwap?.();
  replaceDatabaseFile(home, path);
  return entry;
}

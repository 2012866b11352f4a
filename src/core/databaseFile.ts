import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { BackupStore } from './backup/store.js';
import type { CoreContext } from './context.js';
import type { DeckFile } from './decks/sync.js';
import { openSyncedDatabase } from './startup.js';

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
  flushToDisk(dirname(home.databasePath), 'r');
  const reopened = openSyncedDatabase(home.databasePath, home.store, home.decks, home.context.clock, home.logger);
  home.context.db = reopened.db;
  home.context.repositories = reopened.repositories;
}

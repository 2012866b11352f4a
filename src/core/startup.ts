import { openDatabase, sqliteCode } from '../db/connection.js';
import { DatabaseCorruptError } from '../db/errors.js';
import { createRepositories } from '../db/repositories/index.js';
import type { Logger } from '../log/logger.js';
import type { BackupStore } from './backup/store.js';
import { syncDeckFiles, type DeckFile } from './decks/sync.js';

/** Opens and migrates the database (backing it up first when migrations are pending) and syncs the bundled decks. */
export function openSyncedDatabase(databasePath: string, store: BackupStore, decks: DeckFile[], clock: () => number, logger: Logger) {
  const db = openDatabase(databasePath, {
    logger: logger.child('db'),
    beforeMigrate: (database, plan) => {
      const entry = store.createNow(database, clock(), 'before-migrating');
      logger.info('backed up before migrating', { from: plan.from, to: plan.to, backup: entry.name });
    },
  });
  try {
    const repositories = createRepositories(db);
    const syncReport = syncDeckFiles(db, repositories, decks, clock(), logger.child('decks'));
    return { db, repositories, syncReport };
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new DatabaseCorruptError(databasePath, (error as Error).message);
    throw error;
  }
}

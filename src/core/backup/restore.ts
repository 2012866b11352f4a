import { renameSync, rmSync } from 'node:fs';
import type { Logger } from '../../log/logger.js';
import type { CoreContext } from '../context.js';
import type { DeckFile } from '../decks/sync.js';
import { openSyncedDatabase } from '../startup.js';
import type { BackupService } from './service.js';
import type { BackupStore } from './store.js';

export interface RestoreTarget {
  context: CoreContext;
  store: BackupStore;
  backups: BackupService;
  databasePath: string;
  decks: DeckFile[];
  logger: Logger;
}

/**
 * Replaces the live database with a backup: backs up the current state first,
 * unpacks and checks the chosen backup, swaps the files and reopens. The
 * context keeps its identity, so handlers see the restored database at once.
 */
export async function restoreBackupInPlace(target: RestoreTarget, name: string): Promise<{ restored: string; safetyBackup: string }> {
  const safety = await target.backups.backupNow('before restore');
  const unpacked = await target.store.unpackChecked(name, target.databasePath);
  await target.backups.idle();
  target.context.db.close();
  // In EXCLUSIVE locking mode there is no -shm file, but a -wal file may remain from the closed connection.
  rmSync(`${target.databasePath}-wal`, { force: true });
  renameSync(unpacked.path, target.databasePath);
  const reopened = openSyncedDatabase(target.databasePath, target.store, target.decks, target.context.clock, target.logger);
  target.context.db = reopened.db;
  target.context.repositories = reopened.repositories;
  target.logger.info('backup restored', { name, safetyBackup: safety.name });
  return { restored: name, safetyBackup: safety.name };
}

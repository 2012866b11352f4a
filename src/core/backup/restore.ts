import { rmSync } from 'node:fs';
import { LATEST_VERSION } from '../../db/migrate.js';
import { claimDatabaseFile, swapInWithBackup, type DatabaseHome } from '../databaseFile.js';
import { ValidationError } from '../errors.js';
import type { BackupEntry } from './policy.js';
import type { BackupService } from './service.js';
import type { UnpackedBackup } from './store.js';

export interface RestoreTarget extends DatabaseHome {
  backups: BackupService;
}

/** Rejects an unpacked backup whose schema this version cannot open, and removes its file. */
function assertSchemaSupported(name: string, unpacked: UnpackedBackup): void {
  const version = unpacked.schemaVersion;
  if (version !== null && version <= LATEST_VERSION) return;
  rmSync(unpacked.path, { force: true });
  throw new ValidationError(
    `Backup "${name}" has schema version ${version ?? 'unknown'}, newer than this Rehearse can open (up to ${LATEST_VERSION}). Update Rehearse or pick an older backup.`,
  );
}

/**
 * Replaces the live database with a backup: unpacks and checks the chosen
 * backup, then backs up the current state, swaps the files and reopens. A name,
 * file or schema that fails the checks is rejected before any backup is written.
 * The context keeps its identity, so handlers see the restored database at once.
 * Only one restore or import runs in a folder at a time: each unpacks or stages
 * beside the live file, and a later swap would undo an earlier one.
 */
export async function restoreBackupInPlace(target: RestoreTarget, name: string): Promise<{ restored: string; safetyBackup: string }> {
  const release = claimDatabaseFile(target.context, 'restore');
  try {
    return await replaceDatabase(target, name);
  } finally {
    release();
  }
}

async function replaceDatabase(target: RestoreTarget, name: string): Promise<{ restored: string; safetyBackup: string }> {
  const unpacked = await target.store.unpackChecked(name, target.databasePath);
  assertSchemaSupported(name, unpacked);
  let safety: BackupEntry;
  try {
    safety = await swapInWithBackup(target, target.backups, unpacked.path, {
      reason: 'before-restore',
      changedMessage: `Backup "${name}" was not restored because Rehearse saved a change while the current data was being backed up. Try again.`,
    });
  } catch (error) {
    rmSync(unpacked.path, { force: true });
    throw error;
  }
  target.logger.info('backup restored', { name, safetyBackup: safety.name });
  return { restored: name, safetyBackup: safety.name };
}

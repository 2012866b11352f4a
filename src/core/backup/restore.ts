import { rmSync } from 'node:fs';
import { LATEST_VERSION } from '../../db/migrate.js';
import type { CoreContext } from '../context.js';
import { replaceDatabaseFile, type DatabaseHome } from '../databaseFile.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { BackupEntry } from './policy.js';
import type { BackupService } from './service.js';
import type { UnpackedBackup } from './store.js';

export interface RestoreTarget extends DatabaseHome {
  backups: BackupService;
}

/**
 * Contexts with a restore in progress. Every restore of a data folder unpacks to
 * the same file beside the database, so a second one would overwrite the first's.
 */
const restoring = new WeakSet<CoreContext>();

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
 */
export async function restoreBackupInPlace(target: RestoreTarget, name: string): Promise<{ restored: string; safetyBackup: string }> {
  if (restoring.has(target.context)) {
    throw new ConflictError(`Backup "${name}" was not restored because another restore is still running. Wait for it to finish, then try again.`);
  }
  restoring.add(target.context);
  try {
    return await replaceDatabase(target, name);
  } finally {
    restoring.delete(target.context);
  }
}

async function replaceDatabase(target: RestoreTarget, name: string): Promise<{ restored: string; safetyBackup: string }> {
  const unpacked = await target.store.unpackChecked(name, target.databasePath);
  assertSchemaSupported(name, unpacked);
  let safety: BackupEntry;
  try {
    safety = await target.backups.backupNow('before-restore');
    await target.backups.idle();
  } catch (error) {
    rmSync(unpacked.path, { force: true });
    throw error;
  }
  replaceDatabaseFile(target, unpacked.path);
  target.logger.info('backup restored', { name, safetyBackup: safety.name });
  return { restored: name, safetyBackup: safety.name };
}

import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_VERSION } from '../../db/migrate.js';
import type { Logger } from '../../log/logger.js';
import { NotFoundError } from '../errors.js';
import { BackupStore, type UnpackedBackup } from './store.js';

const DATABASE_FILE = 'rehearse.db';

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:.]/g, '');
}

/**
 * Moves a database that cannot be opened aside, with its WAL file, so the next
 * start creates a fresh one. The old file is renamed, never deleted. Call only
 * while no Rehearse process has the folder open.
 */
export function moveDatabaseAside(dataDir: string, now: number): string {
  const path = join(dataDir, DATABASE_FILE);
  const aside = join(dataDir, `rehearse-unreadable-${stamp(now)}.db`);
  if (existsSync(path)) renameSync(path, aside);
  if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${aside}-wal`);
  return aside;
}

/**
 * Replaces a database that cannot be opened with the newest backup that passes
 * an integrity check and whose schema this code can open. The broken file is
 * moved aside first. Returns the backup name used and where the broken file went.
 */
export async function restoreNewestGoodBackup(dataDir: string, now: number, logger: Logger): Promise<{ backup: string; movedAside: string }> {
  const store = new BackupStore(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  for (const entry of store.list()) {
    let unpacked: UnpackedBackup;
    try {
      unpacked = await store.unpackChecked(entry.name, path);
    } catch (error) {
      logger.warn('backup skipped during recovery', { name: entry.name, error });
      continue;
    }
    // A newer Rehearse writes backups of its newer schema, which this version would reject again.
    const schemaVersion = unpacked.schemaVersion;
    if (schemaVersion === null || schemaVersion > LATEST_VERSION) {
      rmSync(unpacked.path, { force: true });
      logger.warn('backup skipped during recovery: schema too new', { name: entry.name, schemaVersion, supported: LATEST_VERSION });
      continue;
    }
    const movedAside = moveDatabaseAside(dataDir, now);
    renameSync(unpacked.path, path);
    logger.info('recovered from backup', { name: entry.name, movedAside });
    return { backup: entry.name, movedAside };
  }
  throw new NotFoundError(`No usable backup was found in ${store.dir}. Start fresh instead; the unreadable file will be kept beside the new one.`);
}

import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { backupDatabase, checkDatabaseFile, snapshotDatabase } from '../../db/backup.js';
import { StorageError } from '../../db/errors.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { BackupEntry } from './policy.js';
import { BACKUP_REASONS, type BackupReason } from './reasons.js';

/**
 * A backup file name: the UTC instant to the millisecond, then an optional kind.
 * Names from before kinds existed end right after the `Z`. The kinds are fixed
 * words of letters and hyphens, so they need no escaping, and no name that
 * matches can contain a path separator.
 */
const NAME = new RegExp(`^rehearse-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(\\d{3})Z(?:-(${BACKUP_REASONS.join('|')}))?\\.db\\.gz$`);

/**
 * Builds the file name of a backup taken at `instant`, such as
 * `rehearse-20260601T120000000Z-before-restore.db.gz`. A null reason builds
 * the name without a kind that older versions wrote.
 */
export function backupName(instant: number, reason: BackupReason | null = null): string {
  const stamp = new Date(instant).toISOString().replace(/[-:.]/g, '');
  return reason === null ? `rehearse-${stamp}.db.gz` : `rehearse-${stamp}-${reason}.db.gz`;
}

/** Parses the instant and kind from a backup file name; null when Rehearse does not write names like it. */
export function parseBackupName(name: string): { createdAt: number; reason: BackupReason | null } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second, millisecond] = match.slice(1, 8).map(Number) as number[];
  const createdAt = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millisecond!);
  const reason = (match[8] as BackupReason | undefined) ?? null;
  // Date.UTC rolls month 13 or hour 25 over into a real date; such a name was never written by Rehearse.
  if (backupName(createdAt, reason) !== name) return null;
  return { createdAt, reason };
}

function fsyncFile(path: string): void {
  // Opened for writing: Windows flushes a file only through a handle with write access.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Error codes of a backup that fails for lack of space or of write access, from Node.js and from SQLite. */
const STORAGE_CODES = /^(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|ENOTDIR|EISDIR|EEXIST|SQLITE_FULL|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_IOERR)/;

/** Returns a StorageError that names the backups folder for a failure to write there; other errors pass through. */
function backupWriteError(error: unknown, dir: string): unknown {
  const code = error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (!STORAGE_CODES.test(code)) return error;
  return new StorageError(
    `The backup could not be written to ${dir} (${(error as Error).message}). Free some disk space or make the folder writable, then try again; your data was not changed.`,
  );
}

/** The suffix, after the database file's name, of a backup unpacked for a restore. */
export const RESTORING_SUFFIX = '.restoring';

/** Prefix of the files of a backup being written; a finished backup is renamed without it. */
const PARTIAL_PREFIX = '.partial-';

/** An uncompressed copy of the live database, waiting to become a backup. */
export interface PendingBackup {
  name: string;
  createdAt: number;
  reason: BackupReason;
  /** The uncompressed copy. */
  plain: string;
  /** The compressed file while it is written. */
  partial: string;
}

/** A backup unpacked next to the live file and checked, ready to be renamed into place. */
export interface UnpackedBackup {
  path: string;
  /** The file's `user_version`, null when it could not be read. */
  schemaVersion: number | null;
}

function removeSideFiles(path: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Deletes an uncompressed copy and the rollback journal that a failed VACUUM INTO can leave beside it. */
function removeCopy(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}-journal`, { force: true });
}

function removeWithSideFiles(path: string): void {
  rmSync(path, { force: true });
  removeSideFiles(path);
}

/**
 * The compressed backups of one data folder, in `<dataDir>/backups`. Every file
 * is written under a temporary name and renamed when complete, so a crash never
 * leaves a half backup that looks whole.
 */
export class BackupStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  list(): BackupEntry[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (parsed !== null) entries.push({ name, ...parsed, sizeBytes: statSync(join(this.dir, name)).size });
    }
    return entries.sort((left, right) => right.createdAt - left.createdAt);
  }

  /** Backs up the live database in the background with the online backup API. */
  create(db: Database, now: number, reason: BackupReason): Promise<BackupEntry> {
    return this.write(now, reason, async (plain, partial) => {
      await backupDatabase(db, plain);
      await pipeline(createReadStream(plain), createGzip({ level: 6 }), createWriteStream(partial));
    });
  }

  /**
   * Backs up synchronously, for the moment just before migrations, where the
   * open call cannot wait for the asynchronous backup API.
   * NOTE: compresses in memory, so it needs about the database's size in RAM.
   */
  createNow(db: Database, now: number, reason: BackupReason): BackupEntry {
    const { name, createdAt, plain, partial } = this.partialPaths(now, reason);
    try {
      snapshotDatabase(db, plain);
      writeFileSync(partial, gzipSync(readFileSync(plain), { level: 6 }));
      return this.complete(name, partial, createdAt, reason);
    } catch (error) {
      throw backupWriteError(error, this.dir);
    } finally {
      removeCopy(plain);
      rmSync(partial, { force: true });
    }
  }

  /**
   * Copies the live database synchronously into a hidden file, so the copy
   * contains every write made before the call and none made after it. compress()
   * turns it into a backup.
   */
  snapshot(db: Database, now: number, reason: BackupReason): PendingBackup {
    try {
      const { name, createdAt, plain, partial } = this.partialPaths(now, reason);
      try {
        snapshotDatabase(db, plain);
      } catch (error) {
        removeCopy(plain);
        throw error;
      }
      return { name, createdAt, reason, plain, partial };
    } catch (error) {
      throw backupWriteError(error, this.dir);
    }
  }

  /** Compresses a snapshot into a finished backup and deletes the uncompressed copy. */
  async compress(pending: PendingBackup): Promise<BackupEntry> {
    try {
      await pipeline(createReadStream(pending.plain), createGzip({ level: 6 }), createWriteStream(pending.partial));
      return this.complete(pending.name, pending.partial, pending.createdAt, pending.reason);
    } catch (error) {
      throw backupWriteError(error, this.dir);
    } finally {
      removeCopy(pending.plain);
      rmSync(pending.partial, { force: true });
    }
  }

  /** Deletes the hidden files of backups that a crash or a kill left unfinished. */
  removeUnfinished(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) if (name.startsWith(PARTIAL_PREFIX)) rmSync(join(this.dir, name), { force: true });
  }

  private async write(now: number, reason: BackupReason, fill: (plain: string, partial: string) => Promise<void>): Promise<BackupEntry> {
    let paths: ReturnType<BackupStore['partialPaths']> | null = null;
    try {
      paths = this.partialPaths(now, reason);
      await fill(paths.plain, paths.partial);
      return this.complete(paths.name, paths.partial, paths.createdAt, reason);
    } catch (error) {
      throw backupWriteError(error, this.dir);
    } finally {
      if (paths !== null) {
        removeCopy(paths.plain);
        rmSync(paths.partial, { force: true });
      }
    }
  }

  private partialPaths(now: number, reason: BackupReason): { name: string; createdAt: number; plain: string; partial: string } {
    mkdirSync(this.dir, { recursive: true });
    const createdAt = this.unusedInstant(now);
    const name = backupName(createdAt, reason);
    return { name, createdAt, plain: join(this.dir, `${PARTIAL_PREFIX}${name}.db`), partial: join(this.dir, `${PARTIAL_PREFIX}${name}`) };
  }

  /** Makes a finished partial file durable and gives it its final name. */
  private complete(name: string, partial: string, createdAt: number, reason: BackupReason): BackupEntry {
    fsyncFile(partial);
    renameSync(partial, join(this.dir, name));
    return { name, createdAt, reason, sizeBytes: statSync(join(this.dir, name)).size };
  }

  /** Unpacks a backup next to `targetPath`, checks it, and returns the checked file with its schema version. */
  async unpackChecked(name: string, targetPath: string): Promise<UnpackedBackup> {
    if (parseBackupName(name) === null) throw new ValidationError(`${JSON.stringify(name)} is not a Rehearse backup name; pick one from the list.`);
    const source = join(this.dir, name);
    try {
      statSync(source);
    } catch {
      throw new NotFoundError(`Backup "${name}" was not found in ${this.dir}.`);
    }
    const unpacked = `${targetPath}${RESTORING_SUFFIX}`;
    removeWithSideFiles(unpacked);
    try {
      await pipeline(createReadStream(source), createGunzip(), createWriteStream(unpacked));
    } catch (error) {
      rmSync(unpacked, { force: true });
      throw new ValidationError(`Backup "${name}" cannot be unpacked (${(error as Error).message}); pick another one.`);
    }
    const check = checkDatabaseFile(unpacked, 'full');
    // The read-only check of a WAL-mode file leaves empty -wal and -shm files, which the
    // rename into place would not take along.
    removeSideFiles(unpacked);
    if (!check.ok) {
      rmSync(unpacked, { force: true });
      throw new ValidationError(`Backup "${name}" is damaged (${check.problem}); pick another one.`);
    }
    fsyncFile(unpacked);
    return { path: unpacked, schemaVersion: check.schemaVersion };
  }

  delete(names: string[]): void {
    for (const name of names) rmSync(join(this.dir, name), { force: true });
  }

  /**
   * Returns `now`, or the first later millisecond that no backup of any kind
   * uses, so every backup has its own instant and the newest-first order is
   * never a tie.
   */
  private unusedInstant(now: number): number {
    let instant = now;
    const used = new Set(this.list().map((entry) => entry.createdAt));
    while (used.has(instant)) instant += 1;
    return instant;
  }
}

import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { backupDatabase, checkDatabaseFile, snapshotDatabase } from '../../db/backup.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { BackupEntry } from './policy.js';

const NAME = /^rehearse-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.db\.gz$/;

/** Builds the file name of a backup taken at `instant`, e.g. `rehearse-20260601T120000000Z.db.gz`. */
export function backupName(instant: number): string {
  const iso = new Date(instant).toISOString().replace(/[-:.]/g, '');
  return `rehearse-${iso.replace('Z', '')}Z.db.gz`;
}

function parseBackupName(name: string): number | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, millisecond] = match.map(Number) as number[];
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millisecond!);
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
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
      const createdAt = parseBackupName(name);
      if (createdAt !== null) entries.push({ name, createdAt, sizeBytes: statSync(join(this.dir, name)).size });
    }
    return entries.sort((left, right) => right.createdAt - left.createdAt);
  }

  /** Backs up the live database in the background with the online backup API. */
  create(db: Database, now: number): Promise<BackupEntry> {
    return this.write(now, async (plain, partial) => {
      await backupDatabase(db, plain);
      await pipeline(createReadStream(plain), createGzip({ level: 6 }), createWriteStream(partial));
    });
  }

  /**
   * Backs up synchronously, for the moment just before migrations, where the
   * open call cannot wait for the asynchronous backup API.
   * NOTE: compresses in memory, so it needs about the database's size in RAM.
   */
  createNow(db: Database, now: number): BackupEntry {
    const { name, plain, partial } = this.partialPaths(now);
    try {
      snapshotDatabase(db, plain);
      writeFileSync(partial, gzipSync(readFileSync(plain), { level: 6 }));
      return this.complete(name, partial, now);
    } finally {
      rmSync(plain, { force: true });
      rmSync(partial, { force: true });
    }
  }

  private async write(now: number, fill: (plain: string, partial: string) => Promise<void>): Promise<BackupEntry> {
    const { name, plain, partial } = this.partialPaths(now);
    try {
      await fill(plain, partial);
      return this.complete(name, partial, now);
    } finally {
      rmSync(plain, { force: true });
      rmSync(partial, { force: true });
    }
  }

  private partialPaths(now: number): { name: string; plain: string; partial: string } {
    mkdirSync(this.dir, { recursive: true });
    const name = this.uniqueName(now);
    return { name, plain: join(this.dir, `.partial-${name}.db`), partial: join(this.dir, `.partial-${name}`) };
  }

  /** Makes a finished partial file durable and gives it its final name. */
  private complete(name: string, partial: string, now: number): BackupEntry {
    fsyncFile(partial);
    renameSync(partial, join(this.dir, name));
    return { name, createdAt: now, sizeBytes: statSync(join(this.dir, name)).size };
  }

  /** Unpacks a backup next to `targetPath`, checks it, and returns the checked file with its schema version. */
  async unpackChecked(name: string, targetPath: string): Promise<UnpackedBackup> {
    if (parseBackupName(name) === null) throw new ValidationError(`"${name}" is not a Rehearse backup name; pick one from the list.`);
    const source = join(this.dir, name);
    try {
      statSync(source);
    } catch {
      throw new NotFoundError(`Backup "${name}" was not found in ${this.dir}.`);
    }
    const unpacked = `${targetPath}.restoring`;
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

  private uniqueName(now: number): string {
    let instant = now;
    const existing = new Set(this.list().map((entry) => entry.name));
    while (existing.has(backupName(instant))) instant += 1;
    return backupName(instant);
  }
}

import type { Logger } from '../../log/logger.js';
import { totalChanges } from '../../db/backup.js';
import type { Database } from 'better-sqlite3';
import { backupsToDelete, DEFAULT_BACKUP_CAP_BYTES, type BackupEntry } from './policy.js';
import type { BackupReason } from './reasons.js';
import type { BackupStore } from './store.js';

export const BACKUP_INTERVAL_MS = 30 * 60_000;
const STALE_AFTER_MS = 86_400_000;

export interface BackupServiceOptions {
  store: BackupStore;
  /** The live database; read on each backup because a restore swaps it. */
  database: () => Database;
  clock: () => number;
  /** Start of the user's local calendar day containing `instant`, for thinning by age. */
  localDayStart: (instant: number) => number;
  logger: Logger;
  capBytes?: number;
}

/**
 * Runs backups in the background: at start-up when the newest is over a day
 * old, every 30 minutes while something changed, and on request. Backups run
 * one at a time, and each one is followed by thinning.
 */
export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private changesAtLastBackup = -1;

  constructor(private readonly options: BackupServiceOptions) {}

  start(): void {
    const newest = this.options.store.list()[0];
    if (!newest || this.options.clock() - newest.createdAt > STALE_AFTER_MS) {
      // setImmediate keeps the backup off the start-up path.
      setImmediate(() => void this.backupNow('start-up').catch(() => undefined));
    } else {
      this.changesAtLastBackup = totalChanges(this.options.database());
    }
    this.timer = setInterval(() => void this.backupIfChanged().catch(() => undefined), BACKUP_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for the backup in progress, if any. */
  async idle(): Promise<void> {
    await this.chain.catch(() => undefined);
  }

  get folder(): string {
    return this.options.store.dir;
  }

  list(): BackupEntry[] {
    return this.options.store.list();
  }

  async backupIfChanged(): Promise<BackupEntry | null> {
    if (totalChanges(this.options.database()) === this.changesAtLastBackup) return null;
    return this.backupNow('changes');
  }

  /** Queues a backup after any in progress; `reason` is recorded in its file name. */
  backupNow(reason: BackupReason): Promise<BackupEntry> {
    return this.enqueue(reason, async () => {
      const db = this.options.database();
      const changes = totalChanges(db);
      const entry = await this.options.store.create(db, this.options.clock(), reason);
      this.changesAtLastBackup = changes;
      return entry;
    });
  }

  /**
   * Copies the live database synchronously, then compresses the copy after any
   * backup in progress. Nothing written after the call is in the backup, so a
   * caller can replace the database right after it returns. `changes` is the
   * connection's change count at the copy, to compare with later counts.
   */
  snapshotNow(reason: BackupReason): { changes: number; entry: Promise<BackupEntry> } {
    const db = this.options.database();
    const pending = this.options.store.snapshot(db, this.options.clock(), reason);
    const changes = totalChanges(db);
    return { changes, entry: this.enqueue(reason, () => this.options.store.compress(pending)) };
  }

  /** Runs `write` after the backup in progress, if any, then logs the result and thins the folder. */
  private enqueue(reason: BackupReason, write: () => Promise<BackupEntry>): Promise<BackupEntry> {
    const run = async () => {
      try {
        const entry = await write();
        this.options.logger.info('backup written', { reason, name: entry.name, sizeBytes: entry.sizeBytes });
        this.thin();
        return entry;
      } catch (error) {
        this.options.logger.error('backup failed', { reason, error });
        throw error;
      }
    };
    const next = this.chain.catch(() => undefined).then(run);
    this.chain = next;
    return next;
  }

  thin(): void {
    const now = this.options.clock();
    const doomed = backupsToDelete(this.options.store.list(), this.options.localDayStart(now), this.options.capBytes ?? DEFAULT_BACKUP_CAP_BYTES);
    if (doomed.length > 0) {
      this.options.store.delete(doomed);
      this.options.logger.info('old backups thinned', { deleted: doomed.length });
    }
  }
}

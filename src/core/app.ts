import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickCheck, SNAPSHOT_MARK } from '../db/backup.js';
import type { Database } from '../db/connection.js';
import { removeStaleFiles } from '../db/importStaging.js';
import type { Logger } from '../log/logger.js';
import type { AppHandlers } from './api/contract.js';
import { BackupService } from './backup/service.js';
import { BackupStore, RESTORING_SUFFIX } from './backup/store.js';
import type { CoreContext } from './context.js';
import { swapInWithBackup, type DatabaseHome, type SwapOptions } from './databaseFile.js';
import type { BackupEntry } from './backup/policy.js';
import { readDeckFolder, type SyncReport } from './decks/sync.js';
import { createHandlers } from './handlers.js';
import { instantOfLocalTime, studyDayOf, systemTimeZone } from './scheduling/studyDay.js';
import { restoreBackupInPlace } from './backup/restore.js';
import { openSyncedDatabase } from './startup.js';

export const DATABASE_FILE = 'rehearse.db';
/** Present while a Rehearse process has the folder open; found at start-up, it means the last run did not close cleanly. */
export const OPEN_MARKER_FILE = '.rehearse-open';

export interface AppOptions {
  dataDir: string;
  /** Folder of the bundled deck files. */
  decksDir: string;
  logger: Logger;
  clock?: () => number;
  timeZone?: () => string;
  /** Size cap of the backup folder in bytes (default 1 GiB). */
  backupCapBytes?: number;
}

export interface AppHealth {
  uncleanShutdown: boolean;
  /** True once the quick check after an unclean shutdown has run. */
  checked: boolean;
  problems: string[];
}

export interface App {
  context: CoreContext;
  handlers: AppHandlers;
  readonly db: Database;
  dataDir: string;
  databasePath: string;
  syncReport: SyncReport;
  backups: BackupService;
  health: AppHealth;
  /** Backs up the live database, then puts the file at `path` (in the data folder, not open) in its place and reopens it. */
  swapDatabase(path: string, options: SwapOptions): Promise<BackupEntry>;
  /** Starts background work that must not delay start-up: backups, and the quick check after an unclean shutdown. */
  startBackgroundTasks(): void;
  close(): void;
}

/**
 * Deletes the copies of the database that a killed restore (the unpacked
 * backup) or export (its read snapshot) left beside it. Call it only while
 * this process has the data folder locked, before either can start.
 */
function removeStaleCopies(dataDir: string): void {
  const prefixes = [`${DATABASE_FILE}${RESTORING_SUFFIX}`, `${DATABASE_FILE}${SNAPSHOT_MARK}`];
  for (const name of readdirSync(dataDir)) {
    if (prefixes.some((prefix) => name.startsWith(prefix))) rmSync(join(dataDir, name), { force: true });
  }
}

function localDayStarter(timeZone: () => string): (instant: number) => number {
  return (instant) => instantOfLocalTime(studyDayOf(instant, timeZone(), 0), 0, timeZone());
}

/**
 * Opens the data folder (creating it when missing), migrates the database and
 * syncs the bundled decks. Both hosts start Rehearse through this function.
 */
export function openApp(options: AppOptions): App {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const markerPath = join(options.dataDir, OPEN_MARKER_FILE);
  const clock = options.clock ?? Date.now;
  const timeZone = options.timeZone ?? systemTimeZone;
  const decks = readDeckFolder(options.decksDir);
  if (decks.length === 0) {
    options.logger.warn('no deck files found: only decks already in the database are shown', {
      decksDir: options.decksDir,
      help: 'put .yaml deck files in this folder, or unset REHEARSE_DECKS_DIR to use the bundled decks',
    });
  }
  const store = new BackupStore(options.dataDir);
  const uncleanShutdown = existsSync(markerPath);
  const opened = openSyncedDatabase(databasePath, store, decks, clock, options.logger);
  writeFileSync(markerPath, `${process.pid}\n`);
  // A process killed during an import, restore, export or backup leaves a copy of the data behind.
  removeStaleFiles(options.dataDir);
  removeStaleCopies(options.dataDir);
  store.removeUnfinished();

  const context: CoreContext = { db: opened.db, repositories: opened.repositories, clock, timeZone, logger: options.logger };
  const backups = new BackupService({
    store,
    database: () => context.db,
    clock,
    localDayStart: localDayStarter(timeZone),
    logger: options.logger.child('backup'),
    ...(options.backupCapBytes === undefined ? {} : { capBytes: options.backupCapBytes }),
  });
  const health: AppHealth = { uncleanShutdown, checked: false, problems: [] };
  const home: DatabaseHome = { context, databasePath, store, decks, logger: options.logger };
  const app: App = {
    context,
    handlers: createHandlers(context, {
      backups,
      health,
      dataDir: options.dataDir,
      restore: (name) => restoreBackupInPlace({ ...home, backups }, name),
    }),
    get db() {
      return context.db;
    },
    dataDir: options.dataDir,
    databasePath,
    syncReport: opened.syncReport,
    backups,
    health,
    swapDatabase(path, swapOptions) {
      return swapInWithBackup(home, backups, path, swapOptions);
    },
    startBackgroundTasks() {
      backups.start();
      if (uncleanShutdown) {
        setImmediate(() => {
          health.problems = quickCheck(context.db);
          health.checked = true;
          if (health.problems.length > 0) options.logger.error('quick check found problems after an unclean shutdown', { problems: health.problems.slice(0, 5) });
          else options.logger.info('quick check passed after an unclean shutdown');
        });
      }
    },
    close() {
      backups.stop();
      context.db.close();
      rmSync(markerPath, { force: true });
    },
  };
  return app;
}

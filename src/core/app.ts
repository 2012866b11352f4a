import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/connection.js';
import { createRepositories } from '../db/repositories/index.js';
import type { Logger } from '../log/logger.js';
import type { AppHandlers } from './api/contract.js';
import type { CoreContext } from './context.js';
import { loadDeckFolder, syncBundledDecks, type SyncReport } from './decks/sync.js';
import { createHandlers } from './handlers.js';
import { systemTimeZone } from './scheduling/studyDay.js';

export const DATABASE_FILE = 'rehearse.db';

export interface AppOptions {
  dataDir: string;
  /** Folder of the bundled deck files. */
  decksDir: string;
  logger: Logger;
  clock?: () => number;
  timeZone?: () => string;
}

export interface App {
  context: CoreContext;
  handlers: AppHandlers;
  db: Database;
  databasePath: string;
  syncReport: SyncReport;
  close(): void;
}

/**
 * Opens the data folder (creating it when missing), migrates the database and
 * syncs the bundled decks. Both hosts start Rehearse through this function.
 */
export function openApp(options: AppOptions): App {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const decks = loadDeckFolder(options.decksDir);
  const db = openDatabase(databasePath, { logger: options.logger.child('db') });
  try {
    const repositories = createRepositories(db);
    const context: CoreContext = {
      db,
      repositories,
      clock: options.clock ?? Date.now,
      timeZone: options.timeZone ?? systemTimeZone,
      logger: options.logger,
    };
    const syncReport = syncBundledDecks(db, repositories, decks, context.clock(), options.logger.child('decks'));
    return {
      context,
      handlers: createHandlers(context),
      db,
      databasePath,
      syncReport,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

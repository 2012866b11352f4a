import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every schema step in order; a step's version is its position, starting at 1. Never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', up: initial }];

export const LATEST_VERSION = MIGRATIONS.length;

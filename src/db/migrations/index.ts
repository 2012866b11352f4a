import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.js';
import { up as interviews } from './002-interviews.js';
import { up as statsIndexes } from './003-stats-indexes.js';
import { up as hotPathIndexes } from './004-hot-path-indexes.js';
import { up as reviewDayTotals } from './005-review-day-totals.js';
import { up as reviewLogRequestIndex } from './006-review-log-request-index.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every schema step in order; a step's version is its position, starting at 1. Never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'interviews', up: interviews },
  { version: 3, name: 'stats-indexes', up: statsIndexes },
  { version: 4, name: 'hot-path-indexes', up: hotPathIndexes },
  { version: 5, name: 'review-day-totals', up: reviewDayTotals },
  { version: 6, name: 'review-log-request-index', up: reviewLogRequestIndex },
];

export const LATEST_VERSION = MIGRATIONS.length;

import type { Database } from 'better-sqlite3';
import { createBrowseRepository } from './browse.js';
import { createCardRepository } from './cards.js';
import { createCardStateRepository } from './cardState.js';
import { createDeckRepository } from './decks.js';
import { createExportRepository } from './export.js';
import { createInterviewRepository } from './interviews.js';
import { createQueueRepository } from './queue.js';
import { createReviewLogRepository } from './reviewLog.js';
import { createSettingsRepository } from './settings.js';
import { createStatsRepository } from './stats.js';

export type Repositories = ReturnType<typeof createRepositories>;

/** Prepares every statement once per connection. */
export function createRepositories(db: Database) {
  return {
    decks: createDeckRepository(db),
    cards: createCardRepository(db),
    states: createCardStateRepository(db),
    reviews: createReviewLogRepository(db),
    settings: createSettingsRepository(db),
    queue: createQueueRepository(db),
    interviews: createInterviewRepository(db),
    stats: createStatsRepository(db),
    exports: createExportRepository(db),
    browse: createBrowseRepository(db),
  };
}

export type * from './types.js';

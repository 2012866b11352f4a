import { join } from 'node:path';
import DatabaseConstructor, { type Database, type Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMemoryState } from '../../src/core/scheduling/fsrs.js';
import { openDatabase } from '../../src/db/connection.js';
import { planMigrations, runMigrations } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { createExportRepository } from '../../src/db/repositories/export.js';
import { createQueueRepository } from '../../src/db/repositories/queue.js';
import { createCardRepository } from '../../src/db/repositories/cards.js';
import { createCardStateRepository } from '../../src/db/repositories/cardState.js';
import { createDeckRepository } from '../../src/db/repositories/decks.js';
import { createReviewLogRepository } from '../../src/db/repositories/reviewLog.js';
import { createStatsRepository } from '../../src/db/repositories/stats.js';
import { makeTempDir, testLogger } from '../helpers/tempApp.js';

/** SQL and parameters of every statement a repository call ran, in order. */
interface Executed {
  sql: string;
  parameters: unknown[];
}

const RUN_METHODS = new Set(['get', 'all', 'iterate', 'run']);
const CHAIN_METHODS = new Set(['pluck', 'raw', 'expand', 'safeIntegers']);

/**
 * Wraps a connection so each statement records its SQL and parameters when
 * it runs. The repositories are built on the wrapper, so the plans checked
 * below are those of the SQL they really send, not a copy of it.
 */
function recordingDatabase(db: Database, executed: Executed[]): Database {
  const wrapStatement = (statement: Statement): Statement => {
    const proxy: Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(property);
        return (...args: unknown[]) => {
          if (RUN_METHODS.has(name)) executed.push({ sql: target.source, parameters: args });
          const result = (value as (...inner: unknown[]) => unknown).apply(target, args);
          return CHAIN_METHODS.has(name) ? proxy : result;
        };
      },
    });
    return proxy;
  };
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
const executed: Executed[] = [];
let repositories: {
  queue: ReturnType<typeof createQueueRepository>;
  reviews: ReturnType<typeof createReviewLogRepository>;
  stats: ReturnType<typeof createStatsRepository>;
  exports: ReturnType<typeof createExportRepository>;
};

/** Two decks with active, suspended, retired and interview cards in every state, and a few answers. */
function seed(database: Database): void {
  // Only the repositories that write, so the seed also fits a database from before migration 4.
  const write = {
    decks: createDeckRepository(database),
    cards: createCardRepository(database),
    states: createCardStateRepository(database),
    reviews: createReviewLogRepository(database),
  };
  const now = Date.UTC(2026, 0, 10, 12);
  database.transaction(() => {
    for (const deckId of ['alpha', 'beta']) {
      write.decks.upsert({ id: deckId, title: deckId, description: '', family: 'system-design', source: 'bundled', contentHash: null, fileName: null, updatedAt: now });
      for (let index = 0; index < 12; index += 1) {
        const id = `${deckId}-${index}`;
        const kind = index === 11 ? 'interview' : 'basic';
        write.cards.insert({ id, deckId, kind, family: 'system-design', style: null, content: '{}', tags: [], position: index }, now);
        const state = { ...newMemoryState(now), state: index % 4, due: now + (index - 6) * 3_600_000, lastReview: index % 4 === 0 ? null : now - 86_400_000 };
        write.states.put(id, state);
        if (index === 9) write.cards.retire(id, now);
      }
    }
    database.prepare(`UPDATE cards SET suspended = 1 WHERE id IN ('alpha-5', 'beta-6')`).run();
    for (let index = 0; index < 6; index += 1) {
      const state = newMemoryState(now);
      write.reviews.insert({ requestId: `request-${index}`, cardId: `alpha-${index}`, rating: 3, reviewedAt: now + index, durationMs: 1000, studyDay: 20_000 + (index % 2), source: 'review', before: state, after: state });
    }
  })();
}

beforeAll(() => {
  temp = makeTempDir();
  db = openDatabase(join(temp.path, 'rehearse.db'), { logger: testLogger });
  seed(db);
  const recording = recordingDatabase(db, executed);
  repositories = {
    queue: createQueueRepository(recording),
    reviews: createReviewLogRepository(recording),
    stats: createStatsRepository(recording),
    exports: createExportRepository(recording),
  };
});

afterAll(() => {
  db?.close();
  temp?.cleanup();
});

/** Runs one repository call and returns the query plan lines of every statement it ran. */
function plansOf(call: () => unknown): string[] {
  executed.length = 0;
  const result = call();
  // A lazy iterator runs its statement only when read.
  if (result && typeof result === 'object' && Symbol.iterator in result) Array.from(result as Iterable<unknown>);
  expect(executed.length).toBeGreaterThan(0);
  return executed.flatMap(({ sql, parameters }) => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[];
    return rows.map((row) => row.detail);
  });
}

const DAY_END = Date.UTC(2026, 0, 11, 4);
const NOW = Date.UTC(2026, 0, 10, 12);

interface PlanCase {
  name: string;
  call: () => unknown;
  /** Starts of plan lines that must appear: the intended index, named. */
  uses: string[];
  /** Plan lines that must not appear, such as a scan of a whole table or a sort. */
  never?: string[];
}

// A full scan of card_state, cards or review_log is what a lost index turns these into.
const NO_FULL_SCAN = ['SCAN cs', 'SCAN c\b', 'SCAN card_state', 'SCAN cards', 'SCAN review_log'];

const queueCases: PlanCase[] = [
  // Learning and relearning are two ranges of the index, so their due cards are sorted: a few dozen at most.
  {
    name: 'firstLearning, all decks',
    call: () => repositories.queue.firstLearning(null, NOW),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=? AND due<?)', 'SEARCH c USING COVERING INDEX cards_active (id=?'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'firstLearning, one deck',
    call: () => repositories.queue.firstLearning('alpha', NOW),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=? AND due<?)', 'SEARCH c USING COVERING INDEX cards_active (id=?'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'firstReview, all decks',
    call: () => repositories.queue.firstReview(null, DAY_END),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=? AND due<?)', 'SEARCH c USING COVERING INDEX cards_active (id=?'],
    never: [...NO_FULL_SCAN, 'USE TEMP B-TREE FOR ORDER BY'],
  },
  {
    name: 'firstNew, one deck',
    call: () => repositories.queue.firstNew('beta'),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=?)', 'SEARCH c USING COVERING INDEX cards_active (id=?'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'counts, all decks',
    call: () => repositories.queue.counts(null, NOW, DAY_END),
    uses: ['SEARCH cs USING COVERING INDEX card_state_state_due (state=? AND due<?)', 'SCAN c USING COVERING INDEX cards_inactive', 'SEARCH cs USING INDEX sqlite_autoindex_card_state_1 (card_id=?)'],
    never: ['SCAN cs', 'SCAN card_state', 'SCAN cards', 'SCAN c USING INDEX sqlite_autoindex_cards_1'],
  },
  {
    name: 'counts, one deck',
    call: () => repositories.queue.counts('alpha', NOW, DAY_END),
    uses: ['SEARCH c USING COVERING INDEX cards_active_deck (deck_id=?)', 'SEARCH cs USING INDEX sqlite_autoindex_card_state_1 (card_id=?)'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'deckCounts',
    call: () => repositories.queue.deckCounts(NOW, DAY_END),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=?)', 'SEARCH c USING COVERING INDEX cards_active (id=?', 'SCAN c USING COVERING INDEX cards_active_deck'],
    never: ['SCAN cs', 'SCAN card_state', 'SCAN cards'],
  },
  {
    name: 'nextDue, all decks',
    call: () => repositories.queue.nextDue(null, NOW),
    uses: ['SEARCH cs USING INDEX card_state_state_due (state=? AND due>?)', 'SEARCH c USING COVERING INDEX cards_active (id=?'],
    never: [...NO_FULL_SCAN, 'USE TEMP B-TREE FOR ORDER BY'],
  },
  {
    name: 'nextDue, one deck',
    call: () => repositories.queue.nextDue('alpha', NOW),
    uses: ['SEARCH c USING COVERING INDEX cards_active_deck (deck_id=?)', 'SEARCH cs USING INDEX sqlite_autoindex_card_state_1 (card_id=?)'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'interviewsDue',
    call: () => repositories.queue.interviewsDue(DAY_END),
    uses: ['SCAN c USING COVERING INDEX cards_interview', 'SEARCH cs USING INDEX sqlite_autoindex_card_state_1 (card_id=?)'],
    never: ['SCAN cs', 'SCAN card_state', 'SCAN cards'],
  },
  {
    name: 'interviewPromptsPerDeck',
    call: () => repositories.queue.interviewPromptsPerDeck(),
    uses: ['SCAN c USING COVERING INDEX cards_interview'],
    never: ['SCAN cards', 'USE TEMP B-TREE FOR GROUP BY'],
  },
];

const reviewLogCases: PlanCase[] = [
  {
    name: 'findByRequestId',
    call: () => repositories.reviews.findByRequestId('request-1'),
    uses: ['SEARCH review_log USING INDEX review_log_request (request_id=?)'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'latestOfDay',
    call: () => repositories.reviews.latestOfDay(20_000, 'review'),
    uses: ['SEARCH review_log USING INDEX review_log_day (study_day=? AND source=?)'],
    never: [...NO_FULL_SCAN, 'USE TEMP B-TREE FOR ORDER BY'],
  },
  // Sorting one card's rows by id is cheap because a card has one row per answer. The index's
  // reviewed_at order is not the answer order once the clock went back, so it cannot replace id.
  {
    name: 'latestOfCard',
    call: () => repositories.reviews.latestOfCard('alpha-1'),
    uses: ['SEARCH review_log USING INDEX review_log_card (card_id=?)'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'countsOfDay',
    call: () => repositories.reviews.countsOfDay(20_000),
    uses: ['SEARCH review_log USING INDEX review_log_day (study_day=? AND source=?)'],
    never: NO_FULL_SCAN,
  },
  {
    name: 'export reviewLogPage',
    call: () => repositories.exports.reviewLogPage(0, 2000),
    uses: ['SEARCH review_log USING INTEGER PRIMARY KEY (rowid>?)'],
    never: [...NO_FULL_SCAN, 'USE TEMP B-TREE FOR ORDER BY'],
  },
];

const statsCases: PlanCase[] = [
  {
    name: 'daysBetween',
    call: () => repositories.stats.daysBetween(19_990, 20_010),
    uses: ['SEARCH review_day_totals USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)'],
    never: ['SCAN review_log', 'SEARCH review_log', 'USE TEMP B-TREE'],
  },
  {
    name: 'iterateAllDays',
    call: () => repositories.stats.iterateAllDays(),
    uses: ['SCAN review_day_totals'],
    never: ['SCAN review_log', 'SEARCH review_log', 'USE TEMP B-TREE'],
  },
  {
    name: 'iterateStudyDaysBefore',
    call: () => repositories.stats.iterateStudyDaysBefore(20_010),
    uses: ['SEARCH review_day_totals USING INTEGER PRIMARY KEY (rowid<?)'],
    never: ['SCAN review_log', 'SEARCH review_log', 'USE TEMP B-TREE'],
  },
  {
    name: 'totals',
    call: () => repositories.stats.totals(),
    uses: ['SCAN review_day_totals'],
    never: ['SCAN review_log', 'SEARCH review_log'],
  },
  {
    name: 'cardStats',
    call: () => repositories.stats.cardStats(),
    uses: [
      'SEARCH cards USING COVERING INDEX cards_stats (retired_at=?)',
      'SEARCH c USING COVERING INDEX cards_stats (retired_at=?)',
      'SEARCH cs USING INDEX sqlite_autoindex_card_state_1 (card_id=?)',
    ],
    never: ['SCAN cs', 'SCAN card_state', 'SCAN cards', 'USE TEMP B-TREE'],
  },
];

function checkPlan(testCase: PlanCase): void {
  const plan = plansOf(testCase.call);
  const text = plan.join('\n');
  for (const start of testCase.uses) {
    expect(plan.some((line) => line.startsWith(start)), `plan of ${testCase.name} lacks "${start}":\n${text}`).toBe(true);
  }
  for (const pattern of testCase.never ?? []) {
    expect(new RegExp(`^${pattern}`, 'm').test(text), `plan of ${testCase.name} has "${pattern}":\n${text}`).toBe(false);
  }
}

describe('query plans of the queue', () => {
  it.each(queueCases)('$name', checkPlan);
});

describe('query plans of the review log', () => {
  it.each(reviewLogCases)('$name', checkPlan);
});

describe('query plans of the statistics', () => {
  it.each(statsCases)('$name', checkPlan);
});

// The plans above come from rewritten statements: counts as all minus inactive, and one branch
// per state for nextDue. These cases check them against the plain definition on the seed data.
const ACTIVE_CARD = `c.kind = 'basic' AND c.suspended = 0 AND c.retired_at IS NULL`;

function plainCounts(deckId: string | null, learnCutoff: number, dayEnd: number, database: Database = db) {
  return database
    .prepare(
      `SELECT COALESCE(SUM(cs.state IN (1, 3) AND cs.due <= @learnCutoff), 0) AS learning,
         COALESCE(SUM(cs.state = 2 AND cs.due < @dayEnd), 0) AS review, COALESCE(SUM(cs.state = 0), 0) AS new
       FROM card_state cs JOIN cards c ON c.id = cs.card_id WHERE ${ACTIVE_CARD} AND (@deckId IS NULL OR c.deck_id = @deckId)`,
    )
    .get({ deckId, learnCutoff, dayEnd });
}

describe('rewritten queue statements', () => {
  it.each([
    { deckId: null, learnCutoff: NOW, dayEnd: DAY_END },
    { deckId: 'alpha', learnCutoff: NOW, dayEnd: DAY_END },
    { deckId: 'beta', learnCutoff: NOW + 86_400_000, dayEnd: NOW - 86_400_000 },
    { deckId: null, learnCutoff: 0, dayEnd: Number.MAX_SAFE_INTEGER },
  ])('counts match plain count, deck $deckId', ({ deckId, learnCutoff, dayEnd }) => {
    expect(repositories.queue.counts(deckId, learnCutoff, dayEnd)).toEqual(plainCounts(deckId, learnCutoff, dayEnd));
  });

  it.each([
    { learnCutoff: NOW, dayEnd: DAY_END },
    { learnCutoff: NOW + 86_400_000, dayEnd: DAY_END },
    { learnCutoff: 0, dayEnd: Number.MAX_SAFE_INTEGER },
  ])('deckCounts match plain count, learning by $learnCutoff', ({ learnCutoff, dayEnd }) => {
    const plain = db
      .prepare(
        `SELECT c.deck_id AS deckId, SUM(cs.state IN (1, 3) AND cs.due <= @learnCutoff) AS learning,
           SUM(cs.state = 2 AND cs.due < @dayEnd) AS review, SUM(cs.state = 0) AS new, COUNT(*) AS total
         FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${ACTIVE_CARD} GROUP BY c.deck_id ORDER BY c.deck_id`,
      )
      .all({ learnCutoff, dayEnd });
    const rewritten = [...repositories.queue.deckCounts(learnCutoff, dayEnd)].sort((left, right) => left.deckId.localeCompare(right.deckId));
    expect(rewritten).toEqual(plain);
  });

  it.each([null, 'alpha', 'beta'])('nextDue matches plain minimum, deck %s', (deckId) => {
    const plain = db
      .prepare(
        `SELECT MIN(cs.due) AS due FROM card_state cs JOIN cards c ON c.id = cs.card_id
         WHERE cs.state > 0 AND cs.due > @after AND ${ACTIVE_CARD} AND (@deckId IS NULL OR c.deck_id = @deckId)`,
      )
      .get({ after: NOW - 86_400_000, deckId }) as { due: number | null };
    expect(repositories.queue.nextDue(deckId, NOW - 86_400_000)).toBe(plain.due);
  });

  it('interviewsDue excludes suspended and retired prompts', () => {
    db.prepare(`UPDATE cards SET suspended = 1 WHERE id = 'beta-11'`).run();
    const plain = db
      .prepare(
        `SELECT COUNT(*) AS count FROM cards c JOIN card_state cs ON cs.card_id = c.id
         WHERE c.kind = 'interview' AND c.suspended = 0 AND c.retired_at IS NULL AND cs.state > 0 AND cs.due < ?`,
      )
      .get(Number.MAX_SAFE_INTEGER) as { count: number };
    expect(repositories.queue.interviewsDue(Number.MAX_SAFE_INTEGER)).toBe(plain.count);
    db.prepare(`UPDATE cards SET suspended = 0 WHERE id = 'beta-11'`).run();
  });
});

describe('migration 4 on an existing database', () => {
  it('adds the indexes and keeps the queue counts', () => {
    const folder = makeTempDir();
    const path = join(folder.path, 'rehearse.db');
    const old = new DatabaseConstructor(path);
    runMigrations(old, planMigrations(old, path, MIGRATIONS.slice(0, 3)), testLogger);
    seed(old);
    const before = plainCounts(null, NOW, DAY_END, old);
    old.close();

    const migrated = openDatabase(path, { logger: testLogger });
    try {
      const names = migrated.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).pluck().all() as string[];
      for (const name of ['cards_active', 'cards_active_deck', 'cards_inactive', 'cards_interview', 'cards_stats']) {
        expect(names, `index ${name}`).toContain(name);
      }
      expect(createQueueRepository(migrated).counts(null, NOW, DAY_END)).toEqual(before);
    } finally {
      migrated.close();
      folder.cleanup();
    }
  });
});

import type { Database, Statement } from 'better-sqlite3';

export type QueueRepository = ReturnType<typeof createQueueRepository>;

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface DeckCounts extends QueueCounts {
  deckId: string;
  total: number;
}

// Daily-review candidates: basic cards that are neither suspended nor retired. The partial
// indexes cards_active, cards_active_deck and cards_inactive (migration 4) repeat these terms,
// and SQLite uses a partial index only when a query's WHERE contains its terms as written here.
const ACTIVE = `c.kind = 'basic' AND c.suspended = 0 AND c.retired_at IS NULL`;
const INACTIVE = `(c.kind <> 'basic' OR c.suspended <> 0 OR c.retired_at IS NOT NULL)`;

/**
 * The queue's hot statements walk card_state's (state, due) index and check each
 * card against the covering cards_active index, never the wide cards rows. INDEXED
 * BY pins those plans: without statistics the planner picks the primary key and
 * reads the table row of every card. tests/db/queryPlans.test.ts checks the plans.
 */
const DUE_JOIN = `card_state cs INDEXED BY card_state_state_due JOIN cards c INDEXED BY cards_active ON c.id = cs.card_id`;

/** Prepares one statement with and one without a deck filter, so each can use its index. */
function pair(db: Database, sql: (deckFilter: string) => string): [Statement, Statement] {
  return [db.prepare(sql('')), db.prepare(sql('AND c.deck_id = @deckId'))];
}

/** Counts cards of all decks matching `condition` on card_state: all of them minus the inactive ones. */
function activeCount(condition: string): string {
  return `(SELECT COUNT(*) FROM card_state cs INDEXED BY card_state_state_due WHERE ${condition})
    - (SELECT COUNT(*) FROM cards c INDEXED BY cards_inactive CROSS JOIN card_state cs ON cs.card_id = c.id
       WHERE ${INACTIVE} AND ${condition})`;
}

const LEARNING_DUE = 'cs.state IN (1, 3) AND cs.due <= @learnCutoff';
const REVIEW_DUE = 'cs.state = 2 AND cs.due < @dayEnd';
const NEW = 'cs.state = 0';

export function createQueueRepository(db: Database) {
  const firstLearning = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM ${DUE_JOIN}
      WHERE cs.state IN (1, 3) AND cs.due <= @cutoff AND ${ACTIVE} ${filter} ORDER BY cs.due LIMIT 1`,
  );
  const firstReview = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM ${DUE_JOIN}
      WHERE cs.state = 2 AND cs.due < @cutoff AND ${ACTIVE} ${filter} ORDER BY cs.due LIMIT 1`,
  );
  // New cards come in the order the deck sync inserted them: deck by deck, card by card.
  const firstNew = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM ${DUE_JOIN}
      WHERE cs.state = 0 AND ${ACTIVE} ${filter} ORDER BY cs.due, cs.rowid LIMIT 1`,
  );
  const countsAll = db.prepare(
    `SELECT ${activeCount(LEARNING_DUE)} AS learning, ${activeCount(REVIEW_DUE)} AS review, ${activeCount(NEW)} AS new`,
  );
  // One deck: its few thousand active cards at most, each with its state looked up by card id.
  const countsOfDeck = db.prepare(
    `SELECT
        COALESCE(SUM(${LEARNING_DUE}), 0) AS learning,
        COALESCE(SUM(${REVIEW_DUE}), 0) AS review,
        COALESCE(SUM(${NEW}), 0) AS new
      FROM cards c INDEXED BY cards_active_deck CROSS JOIN card_state cs ON cs.card_id = c.id
      WHERE c.deck_id = @deckId AND ${ACTIVE}`,
  );
  // Only cards due today or new are read; decks without any get zero counts from deckTotals.
  const deckCounts = db.prepare(
    `SELECT c.deck_id AS deckId,
        SUM(cs.state IN (1, 3)) AS learning,
        SUM(cs.state = 2) AS review,
        SUM(cs.state = 0) AS new
      FROM ${DUE_JOIN}
      WHERE (cs.state = 0 OR (cs.state = 2 AND cs.due < @dayEnd) OR (cs.state IN (1, 3) AND cs.due <= @learnCutoff))
        AND ${ACTIVE}
      GROUP BY c.deck_id`,
  );
  const deckTotals = db.prepare(
    `SELECT c.deck_id AS deckId, COUNT(*) AS total FROM cards c INDEXED BY cards_active_deck WHERE ${ACTIVE} GROUP BY c.deck_id`,
  );
  // The earliest due card of each studied state is the first active one in index order, so each
  // branch stops after a row or two instead of taking MIN over every studied card.
  const nextDueAll = db.prepare(
    `SELECT MIN(due) AS due FROM (${[1, 2, 3]
      .map(
        (state) => `SELECT * FROM (SELECT cs.due FROM ${DUE_JOIN}
          WHERE cs.state = ${state} AND cs.due > @after AND ${ACTIVE} ORDER BY cs.due LIMIT 1)`,
      )
      .join(' UNION ALL ')})`,
  );
  const nextDueOfDeck = db.prepare(
    `SELECT MIN(cs.due) AS due FROM cards c INDEXED BY cards_active_deck CROSS JOIN card_state cs ON cs.card_id = c.id
      WHERE c.deck_id = @deckId AND ${ACTIVE} AND cs.state > 0 AND cs.due > @after`,
  );
  const interviewsDue = db.prepare(
    `SELECT COUNT(*) AS count FROM cards c INDEXED BY cards_interview CROSS JOIN card_state cs ON cs.card_id = c.id
      WHERE c.kind = 'interview' AND c.retired_at IS NULL AND c.suspended = 0 AND cs.state > 0 AND cs.due < @dayEnd`,
  );
  const promptsPerDeck = db.prepare(
    `SELECT c.deck_id AS deckId, COUNT(*) AS count FROM cards c INDEXED BY cards_interview
      WHERE c.kind = 'interview' AND c.retired_at IS NULL GROUP BY c.deck_id`,
  );

  const pick = (statements: [Statement, Statement], deckId: string | null) => (deckId === null ? statements[0] : statements[1]);

  return {
    firstLearning(deckId: string | null, cutoff: number): string | null {
      return (pick(firstLearning, deckId).get({ cutoff, deckId }) as { id: string } | undefined)?.id ?? null;
    },
    firstReview(deckId: string | null, cutoff: number): string | null {
      return (pick(firstReview, deckId).get({ cutoff, deckId }) as { id: string } | undefined)?.id ?? null;
    },
    firstNew(deckId: string | null): string | null {
      return (pick(firstNew, deckId).get({ deckId }) as { id: string } | undefined)?.id ?? null;
    },
    /** Counts learning cards due by `learnCutoff`, review cards due before `dayEnd` and new cards, before daily limits. */
    counts(deckId: string | null, learnCutoff: number, dayEnd: number): QueueCounts {
      if (deckId === null) return countsAll.get({ learnCutoff, dayEnd }) as QueueCounts;
      return countsOfDeck.get({ learnCutoff, dayEnd, deckId }) as QueueCounts;
    },
    /**
     * Counts per deck with active cards: learning cards due by `learnCutoff`, review cards due
     * before `dayEnd`, new cards, all active cards. The cut-offs are those of counts(), so Home
     * promises only what the review screen shows.
     */
    deckCounts(learnCutoff: number, dayEnd: number): DeckCounts[] {
      const due = new Map((deckCounts.all({ learnCutoff, dayEnd }) as DeckCounts[]).map((row) => [row.deckId, row]));
      return (deckTotals.all() as { deckId: string; total: number }[]).map(({ deckId, total }) => {
        const row = due.get(deckId);
        return { deckId, learning: row?.learning ?? 0, review: row?.review ?? 0, new: row?.new ?? 0, total };
      });
    },
    /** Returns the earliest due time after `after` of a card already studied, or null. */
    nextDue(deckId: string | null, after: number): number | null {
      const statement = deckId === null ? nextDueAll : nextDueOfDeck;
      return (statement.get({ after, deckId }) as { due: number | null }).due;
    },
    interviewPromptsPerDeck(): Map<string, number> {
      const rows = promptsPerDeck.all() as { deckId: string; count: number }[];
      return new Map(rows.map((row) => [row.deckId, row.count]));
    },
    interviewsDue(dayEnd: number): number {
      return (interviewsDue.get({ dayEnd }) as { count: number }).count;
    },
  };
}

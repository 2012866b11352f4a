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

// Daily-review candidates: basic cards that are neither suspended nor retired.
const ACTIVE = `c.kind = 'basic' AND c.suspended = 0 AND c.retired_at IS NULL`;

/** Prepares one statement with and one without a deck filter, so each can use its index. */
function pair(db: Database, sql: (deckFilter: string) => string): [Statement, Statement] {
  return [db.prepare(sql('')), db.prepare(sql('AND c.deck_id = @deckId'))];
}

export function createQueueRepository(db: Database) {
  const firstLearning = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM card_state cs INDEXED BY card_state_state_due JOIN cards c ON c.id = cs.card_id
      WHERE cs.state IN (1, 3) AND cs.due <= @cutoff AND ${ACTIVE} ${filter} ORDER BY cs.due LIMIT 1`,
  );
  const firstReview = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM card_state cs INDEXED BY card_state_state_due JOIN cards c ON c.id = cs.card_id
      WHERE cs.state = 2 AND cs.due < @cutoff AND ${ACTIVE} ${filter} ORDER BY cs.due LIMIT 1`,
  );
  // New cards come in the order the deck sync inserted them: deck by deck, card by card.
  const firstNew = pair(
    db,
    (filter) => `SELECT cs.card_id AS id FROM card_state cs INDEXED BY card_state_state_due JOIN cards c ON c.id = cs.card_id
      WHERE cs.state = 0 AND ${ACTIVE} ${filter} ORDER BY cs.due, cs.rowid LIMIT 1`,
  );
  const counts = pair(
    db,
    (filter) => `SELECT
        COALESCE(SUM(cs.state IN (1, 3) AND cs.due <= @learnCutoff), 0) AS learning,
        COALESCE(SUM(cs.state = 2 AND cs.due < @dayEnd), 0) AS review,
        COALESCE(SUM(cs.state = 0), 0) AS new
      FROM card_state cs JOIN cards c ON c.id = cs.card_id WHERE ${ACTIVE} ${filter}`,
  );
  const deckCounts = db.prepare(
    `SELECT c.deck_id AS deckId,
        COALESCE(SUM(cs.state IN (1, 3) AND cs.due < @dayEnd), 0) AS learning,
        COALESCE(SUM(cs.state = 2 AND cs.due < @dayEnd), 0) AS review,
        COALESCE(SUM(cs.state = 0), 0) AS new,
        COUNT(*) AS total
      FROM cards c JOIN card_state cs ON cs.card_id = c.id WHERE ${ACTIVE} GROUP BY c.deck_id`,
  );
  const nextDue = pair(
    db,
    (filter) => `SELECT MIN(cs.due) AS due FROM card_state cs JOIN cards c ON c.id = cs.card_id
      WHERE cs.state > 0 AND cs.due > @after AND ${ACTIVE} ${filter}`,
  );
  const interviewsDue = db.prepare(
    `SELECT COUNT(*) AS count FROM card_state cs JOIN cards c ON c.id = cs.card_id
      WHERE c.kind = 'interview' AND c.suspended = 0 AND c.retired_at IS NULL AND cs.state > 0 AND cs.due < @dayEnd`,
  );

  const promptsPerDeck = db.prepare(
    `SELECT deck_id AS deckId, COUNT(*) AS count FROM cards WHERE kind = 'interview' AND retired_at IS NULL GROUP BY deck_id`,
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
      return pick(counts, deckId).get({ learnCutoff, dayEnd, deckId }) as QueueCounts;
    },
    deckCounts(dayEnd: number): DeckCounts[] {
      return deckCounts.all({ dayEnd }) as DeckCounts[];
    },
    /** Returns the earliest due time after `after` of a card already studied, or null. */
    nextDue(deckId: string | null, after: number): number | null {
      return (pick(nextDue, deckId).get({ after, deckId }) as { due: number | null }).due;
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

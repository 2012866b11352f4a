import type { Database } from 'better-sqlite3';

/**
 * Indexes that keep today's queue and the Statistics screen fast with 100,000
 * cards and 2 million answers (measured by `npm run bench`). The daily review
 * only looks at active cards (basic, not suspended, not retired):
 *
 * - cards_active: covering lookups by id, so a due or new card is checked
 *   against a small index instead of the wide cards rows with their content;
 * - cards_active_deck: the active cards of one deck, for deck totals and
 *   counts of one deck;
 * - cards_inactive: the few cards outside the daily review, so counts over
 *   all decks are (all cards in a state) minus (inactive cards in it), read
 *   from card_state's index alone;
 * - cards_interview: interview prompts per deck, for Home.
 *
 * For the statistics:
 *
 * - card_state_due: the due forecast asks for cards due in each of the next 30
 *   study days; (state, due) cannot serve a due range across states;
 * - cards_stats: the columns the per-card statistics group by, so they scan a
 *   slim index instead of the cards rows with their content.
 */
export function up(db: Database): void {
  // Each index also lists the columns of its own WHERE: SQLite counts an index as covering only
  // when it holds every column the query names, those of the partial-index terms included.
  db.exec(`
    CREATE INDEX cards_active ON cards (id, deck_id, kind, suspended, retired_at)
      WHERE kind = 'basic' AND suspended = 0 AND retired_at IS NULL;
    CREATE INDEX cards_active_deck ON cards (deck_id, id, kind, suspended, retired_at)
      WHERE kind = 'basic' AND suspended = 0 AND retired_at IS NULL;
    CREATE INDEX cards_inactive ON cards (id, kind, suspended, retired_at)
      WHERE kind <> 'basic' OR suspended <> 0 OR retired_at IS NOT NULL;
    CREATE INDEX cards_interview ON cards (deck_id, suspended, id, kind, retired_at)
      WHERE kind = 'interview' AND retired_at IS NULL;
    CREATE INDEX card_state_due ON card_state (due, state);
    CREATE INDEX cards_stats ON cards (id, retired_at, suspended, kind, deck_id, family);
  `);
}

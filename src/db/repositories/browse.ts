import type { Database } from 'better-sqlite3';
import { stateColumns, stateFromRow } from './memoryState.js';
import type { MemoryStateRow, ReviewSource } from './types.js';

export type BrowseRepository = ReturnType<typeof createBrowseRepository>;

/** Filters of the card browser. An empty list means "any"; text is matched literally. */
export interface BrowseQuery {
  families: string[];
  deckIds: string[];
  kinds: string[];
  /** FSRS states (0–3) of unsuspended cards to include. */
  fsrsStates: number[];
  includeSuspended: boolean;
  /** True when no state filter is set, so every card passes whatever its state. */
  anyState: boolean;
  search: string;
  limit: number;
  offset: number;
}

export interface BrowseCardRow {
  id: string;
  question: string;
  deckId: string;
  deckTitle: string;
  family: string;
  kind: 'basic' | 'interview';
  style: string | null;
  suspended: boolean;
  state: MemoryStateRow;
}

export interface BrowseDeckRow {
  id: string;
  title: string;
  family: string;
  cards: number;
}

export interface CardHistoryRow {
  id: number;
  reviewedAt: number;
  rating: number;
  source: ReviewSource;
  dueAfter: number;
}

const ROW_COLUMNS = `c.id, c.deck_id, d.title AS deck_title, c.family, c.kind, c.style, c.suspended,
  COALESCE(json_extract(c.content, '$.front'), json_extract(c.content, '$.prompt'), '') AS question,
  ${stateColumns('cs.')}`;

const FROM = `cards c JOIN card_state cs ON cs.card_id = c.id JOIN decks d ON d.id = c.deck_id`;

// NOTE: no index serves the text search, so each search reads every card row. That is
// instant for the bundled decks (about 540 cards); FTS5 would be the step for tens of thousands.
// One statement serves every combination of filters: a JSON array parameter that is empty
// switches its filter off, so no SQL is assembled from user input.
const TEXT_FIELDS = ['front', 'back', 'prompt', 'modelAnswer'];
const SEARCH = TEXT_FIELDS.map((field) => `json_extract(c.content, '$.${field}') LIKE @pattern ESCAPE '\\'`).join(' OR ');
const WHERE = `c.retired_at IS NULL
  AND (json_array_length(@families) = 0 OR c.family IN (SELECT value FROM json_each(@families)))
  AND (json_array_length(@deckIds) = 0 OR c.deck_id IN (SELECT value FROM json_each(@deckIds)))
  AND (json_array_length(@kinds) = 0 OR c.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@anyState = 1
    OR (c.suspended = 1 AND @includeSuspended = 1)
    OR (c.suspended = 0 AND cs.state IN (SELECT value FROM json_each(@fsrsStates))))
  AND (@pattern IS NULL OR ${SEARCH})`;

/**
 * Turns search text into a LIKE pattern that matches it anywhere, with `%`, `_`
 * and the escape character itself taken literally.
 * NOTE: SQLite's LIKE ignores case for ASCII letters only, so "É" does not find "é".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function toParameters(query: BrowseQuery) {
  return {
    families: JSON.stringify(query.families),
    deckIds: JSON.stringify(query.deckIds),
    kinds: JSON.stringify(query.kinds),
    fsrsStates: JSON.stringify(query.fsrsStates),
    includeSuspended: query.includeSuspended ? 1 : 0,
    anyState: query.anyState ? 1 : 0,
    pattern: query.search === '' ? null : containsPattern(query.search),
  };
}

function fromRow(row: Record<string, unknown>): BrowseCardRow {
  return {
    id: row.id as string,
    question: row.question as string,
    deckId: row.deck_id as string,
    deckTitle: row.deck_title as string,
    family: row.family as string,
    kind: row.kind as BrowseCardRow['kind'],
    style: (row.style as string | null) ?? null,
    suspended: row.suspended === 1,
    state: stateFromRow(row),
  };
}

export function createBrowseRepository(db: Database) {
  const page = db.prepare(
    `SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE ${WHERE}
      ORDER BY d.title, c.deck_id, c.position, c.id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare(`SELECT COUNT(*) AS total FROM ${FROM} WHERE ${WHERE}`);
  const one = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE c.id = ? AND c.retired_at IS NULL`);
  const decks = db.prepare(
    `SELECT d.id, d.title, d.family, COUNT(c.id) AS cards
      FROM decks d LEFT JOIN cards c ON c.deck_id = d.id AND c.retired_at IS NULL
      GROUP BY d.id ORDER BY d.title, d.id`,
  );
  const history = db.prepare(
    `SELECT id, reviewed_at, rating, source, after_due FROM review_log
      WHERE card_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT ?`,
  );
  const setSuspended = db.prepare('UPDATE cards SET suspended = ? WHERE id = ? AND suspended <> ?');

  return {
    /** Returns one page of matching cards, ordered by deck title and deck position. */
    page(query: BrowseQuery): BrowseCardRow[] {
      const rows = page.all({ ...toParameters(query), limit: query.limit, offset: query.offset });
      return (rows as Record<string, unknown>[]).map(fromRow);
    },
    count(query: BrowseQuery): number {
      return (count.get(toParameters(query)) as { total: number }).total;
    },
    /** Returns a card that is not retired, with its deck title and state, or null. */
    get(cardId: string): BrowseCardRow | null {
      const row = one.get(cardId) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    decks(): BrowseDeckRow[] {
      return decks.all() as BrowseDeckRow[];
    },
    /** Returns the latest `limit` answers of a card, newest first. */
    history(cardId: string, limit: number): CardHistoryRow[] {
      const rows = history.all(cardId, limit) as Record<string, unknown>[];
      return rows.map((row) => ({
        id: row.id as number,
        reviewedAt: row.reviewed_at as number,
        rating: row.rating as number,
        source: row.source as ReviewSource,
        dueAfter: row.after_due as number,
      }));
    },
    /** Sets a card's suspended flag; returns false when it already had that value or does not exist. */
    setSuspended(cardId: string, suspended: boolean): boolean {
      const flag = suspended ? 1 : 0;
      return setSuspended.run(flag, cardId, flag).changes > 0;
    },
  };
}

import type { Database } from 'better-sqlite3';
import type { CardRow } from './types.js';

export type CardRepository = ReturnType<typeof createCardRepository>;

export interface CardWrite {
  id: string;
  deckId: string;
  kind: 'basic' | 'interview';
  family: string;
  style: string | null;
  content: string;
  tags: string[];
  position: number;
}

function fromRow(row: Record<string, unknown>): CardRow {
  return {
    id: row.id as string,
    deckId: row.deck_id as string,
    kind: row.kind as CardRow['kind'],
    family: row.family as string,
    style: (row.style as string | null) ?? null,
    content: row.content as string,
    tags: JSON.parse(row.tags as string) as string[],
    position: row.position as number,
    suspended: row.suspended === 1,
    retiredAt: (row.retired_at as number | null) ?? null,
  };
}

export function createCardRepository(db: Database) {
  const select = db.prepare('SELECT * FROM cards WHERE id = ?');
  const selectOfDeck = db.prepare('SELECT * FROM cards WHERE deck_id = ? ORDER BY position');
  const insert = db.prepare(
    `INSERT INTO cards (id, deck_id, kind, family, style, content, tags, position, created_at, updated_at)
     VALUES (@id, @deckId, @kind, @family, @style, @content, @tags, @position, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE cards SET deck_id = @deckId, kind = @kind, family = @family, style = @style, content = @content, tags = @tags,
       position = @position, updated_at = @now, retired_at = NULL WHERE id = @id`,
  );
  const retire = db.prepare('UPDATE cards SET retired_at = ? WHERE id = ? AND retired_at IS NULL');

  const toParameters = (card: CardWrite, now: number) => ({ ...card, tags: JSON.stringify(card.tags), now });

  return {
    get(id: string): CardRow | null {
      const row = select.get(id) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    listOfDeck(deckId: string): CardRow[] {
      return (selectOfDeck.all(deckId) as Record<string, unknown>[]).map(fromRow);
    },
    insert(card: CardWrite, now: number): void {
      insert.run(toParameters(card, now));
    },
    /** Rewrites a card's content in place; its state and review log are keyed on the id and stay. */
    update(card: CardWrite, now: number): void {
      update.run(toParameters(card, now));
    },
    retire(id: string, now: number): void {
      retire.run(now, id);
    },
  };
}

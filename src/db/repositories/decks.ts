import type { Database } from 'better-sqlite3';
import type { DeckRow } from './types.js';

export type DeckRepository = ReturnType<typeof createDeckRepository>;

function fromRow(row: Record<string, unknown>): DeckRow {
  return {
    id: row.id as string,
    title: row.title as string,
    description: row.description as string,
    family: row.family as string,
    source: row.source as DeckRow['source'],
    contentHash: (row.content_hash as string | null) ?? null,
    fileName: (row.file_name as string | null) ?? null,
    updatedAt: row.updated_at as number,
  };
}

export function createDeckRepository(db: Database) {
  const select = db.prepare('SELECT * FROM decks WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM decks ORDER BY title');
  const upsert = db.prepare(
    `INSERT INTO decks (id, title, description, family, source, content_hash, file_name, updated_at)
     VALUES (@id, @title, @description, @family, @source, @contentHash, @fileName, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, family = excluded.family,
       source = excluded.source, content_hash = excluded.content_hash, file_name = excluded.file_name, updated_at = excluded.updated_at`,
  );

  return {
    get(id: string): DeckRow | null {
      const row = select.get(id) as Record<string, unknown> | undefined;
      return row ? fromRow(row) : null;
    },
    list(): DeckRow[] {
      return (selectAll.all() as Record<string, unknown>[]).map(fromRow);
    },
    upsert(deck: DeckRow): void {
      upsert.run(deck);
    },
  };
}

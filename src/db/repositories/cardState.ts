import type { Database } from 'better-sqlite3';
import { stateColumns, stateFromRow, stateParameters, stateToParameters } from './memoryState.js';
import type { MemoryStateRow } from './types.js';

export type CardStateRepository = ReturnType<typeof createCardStateRepository>;

export function createCardStateRepository(db: Database) {
  const select = db.prepare(`SELECT ${stateColumns()} FROM card_state WHERE card_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO card_state (card_id, ${stateColumns()}) VALUES (@card_id, ${stateParameters()})
     ON CONFLICT (card_id) DO UPDATE SET ${stateColumns()
       .split(', ')
       .map((column) => `${column} = excluded.${column}`)
       .join(', ')}`,
  );
  const insertIfMissing = db.prepare(
    `INSERT INTO card_state (card_id, ${stateColumns()}) VALUES (@card_id, ${stateParameters()}) ON CONFLICT (card_id) DO NOTHING`,
  );

  return {
    get(cardId: string): MemoryStateRow | null {
      const row = select.get(cardId) as Record<string, unknown> | undefined;
      return row ? stateFromRow(row) : null;
    },
    put(cardId: string, state: MemoryStateRow): void {
      upsert.run({ card_id: cardId, ...stateToParameters(state) });
    },
    insertIfMissing(cardId: string, state: MemoryStateRow): void {
      insertIfMissing.run({ card_id: cardId, ...stateToParameters(state) });
    },
  };
}

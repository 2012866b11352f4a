import type { Database } from 'better-sqlite3';

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

/** Settings as key to JSON text; core owns their meaning and validation. */
export function createSettingsRepository(db: Database) {
  const selectAll = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  return {
    getAll(): Record<string, unknown> {
      const result: Record<string, unknown> = {};
      for (const row of selectAll.all() as { key: string; value: string }[]) result[row.key] = JSON.parse(row.value);
      return result;
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value));
    },
  };
}

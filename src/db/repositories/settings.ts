import type { Database } from 'better-sqlite3';

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

/** Settings as key to JSON text; core owns their meaning and validation. */
export function createSettingsRepository(db: Database) {
  const selectAll = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  return {
    getAll(): Record<string, unknown> {
      // fromEntries defines each key as an own property, so a key such as __proto__ stays a plain entry.
      return Object.fromEntries((selectAll.all() as { key: string; value: string }[]).map((row) => [row.key, JSON.parse(row.value)]));
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value));
    },
  };
}

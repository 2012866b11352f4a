import type { Database, Statement } from 'better-sqlite3';

export type ExportRepository = ReturnType<typeof createExportRepository>;

/** The tables a full export carries, in an order that satisfies every foreign key on import. */
export const EXPORT_TABLES = [
  'settings',
  'decks',
  'cards',
  'card_state',
  'review_log',
  'interview_sessions',
  'interview_answers',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ColumnInfo {
  name: string;
  /** Declared type of a STRICT column: TEXT, INTEGER or REAL. */
  type: 'TEXT' | 'INTEGER' | 'REAL';
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
}

export type RawRow = Record<string, string | number | null>;

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

export interface ReviewLogCsvRow {
  id: number;
  card_id: string;
  reviewed_at: number;
  rating: number;
  before_state: number;
  duration_ms: number;
}

/**
 * Raw table access for the full JSON export and its import. Columns come from
 * the live schema, so the export follows every migration without a second list.
 */
export function createExportRepository(db: Database) {
  const columnCache = new Map<ExportTable, ColumnInfo[]>();
  const pageCache = new Map<ExportTable, Statement>();
  const upsertCache = new Map<string, Statement>();

  function columns(table: ExportTable): ColumnInfo[] {
    let cached = columnCache.get(table);
    if (!cached) {
      const rows = db.pragma(`table_info(${table})`) as TableInfoRow[];
      cached = rows.map((row) => ({
        name: row.name,
        type: row.type.toUpperCase() as ColumnInfo['type'],
        notNull: row.notnull === 1,
        hasDefault: row.dflt_value !== null,
        primaryKey: row.pk > 0,
      }));
      columnCache.set(table, cached);
    }
    return cached;
  }

  function pageStatement(table: ExportTable): Statement {
    let statement = pageCache.get(table);
    if (!statement) {
      const names = columns(table).map((column) => column.name).join(', ');
      statement = db.prepare(
        `SELECT rowid AS export_rowid, ${names} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      );
      pageCache.set(table, statement);
    }
    return statement;
  }

  const counts = new Map(EXPORT_TABLES.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck()]));
  const progress = db.prepare(
    `SELECT (SELECT COUNT(*) FROM review_log) AS answers,
       (SELECT COUNT(*) FROM card_state WHERE state > 0) AS studied,
       (SELECT COUNT(*) FROM interview_sessions) AS sessions`,
  );
  const clearSettings = db.prepare('DELETE FROM settings');
  const reviewLogPage = db.prepare(
    `SELECT id, card_id, reviewed_at, rating, before_state, duration_ms
     FROM review_log WHERE id > ? ORDER BY id LIMIT ?`,
  );

  return {
    columns,
    count(table: ExportTable): number {
      return counts.get(table)!.get() as number;
    },
    /**
     * Reads up to `limit` rows after `afterRowid`, fully, so no statement stays
     * open while the caller awaits a write between pages.
     */
    page(table: ExportTable, afterRowid: number, limit: number): { rows: RawRow[]; lastRowid: number } {
      const rows: RawRow[] = [];
      let lastRowid = afterRowid;
      for (const row of pageStatement(table).iterate(afterRowid, limit) as IterableIterator<RawRow>) {
        lastRowid = row.export_rowid as number;
        const { export_rowid: _rowid, ...rest } = row;
        rows.push(rest);
      }
      return { rows, lastRowid };
    },
    /** Reads the review-log fields of the optimizer's CSV, `limit` rows after id `afterId`. */
    reviewLogPage(afterId: number, limit: number): ReviewLogCsvRow[] {
      return [...(reviewLogPage.iterate(afterId, limit) as IterableIterator<ReviewLogCsvRow>)];
    },
    /** Counts what makes a folder hold progress: answers, studied cards and mock interviews. */
    progress(): { answers: number; studied: number; sessions: number } {
      return progress.get() as { answers: number; studied: number; sessions: number };
    },
    /** Deletes every setting, so an import leaves exactly the backup's settings. */
    clearSettings(): void {
      clearSettings.run();
    },
    /** Inserts a row, or overwrites every column of the row with the same primary key. */
    upsert(table: ExportTable, row: RawRow): void {
      const names = Object.keys(row);
      const key = `${table}:${names.join(',')}`;
      let statement = upsertCache.get(key);
      if (!statement) {
        const keys = columns(table).filter((column) => column.primaryKey).map((column) => column.name);
        const updates = names.filter((name) => !keys.includes(name)).map((name) => `${name} = excluded.${name}`);
        const conflict =
          updates.length > 0
            ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`
            : 'ON CONFLICT DO NOTHING';
        const values = names.map((name) => `@${name}`).join(', ');
        statement = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values}) ${conflict}`);
        upsertCache.set(key, statement);
      }
      statement.run(row);
    },
  };
}

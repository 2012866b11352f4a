import type { Database, Statement } from 'better-sqlite3';

/** `card_state` becomes `cardState`: the JSON export's key for a column. */
export function toCamelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

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

/** One page of a table as JSON text, for the full export. */
export interface JsonPage {
  /** UTF-8 JSON: `prefix`, then one array of values per row in column order, the rows separated by ",\n". */
  json: Buffer;
  rows: number;
  /** Rowid of the page's last row, where the next page starts. */
  lastRowid: number;
}

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
 * Table access for the full JSON export and its import. Columns come from the
 * live schema, so the export follows every migration without a second list.
 */
export function createExportRepository(db: Database) {
  const columnCache = new Map<ExportTable, ColumnInfo[]>();
  const pageCache = new Map<ExportTable, Statement>();

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

  /**
   * SQLite's json_array writes each row, which is several times faster than
   * building the rows in JavaScript, and prints REAL values so that they
   * parse back to the same double (checked with SQLite 3.54). Values are in
   * column order.
   */
  function jsonPageStatement(table: ExportTable): Statement {
    let statement = pageCache.get(table);
    if (!statement) {
      const names = columns(table).map((column) => column.name);
      // The aggregate takes the rows in the subquery's rowid order as SQLite runs it today. Row order
      // does not change what an import restores, so no ORDER BY inside string_agg, which would double the time.
      statement = db.prepare(
        `SELECT CAST(@prefix || string_agg(json_array(${names.join(', ')}), ',' || char(10)) AS BLOB) AS json,
           count(*) AS rows, max(rowid) AS lastRowid
         FROM (SELECT rowid, * FROM ${table} WHERE rowid > @afterRowid ORDER BY rowid LIMIT @limit)`,
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
     * Returns up to `limit` rows after `afterRowid` as JSON text that starts
     * with `prefix`, or null when no row is left. The page is read in full, so
     * no statement stays open while the caller awaits a write between pages.
     */
    jsonPage(table: ExportTable, afterRowid: number, limit: number, prefix: string): JsonPage | null {
      const page = jsonPageStatement(table).get({ prefix, afterRowid, limit }) as JsonPage;
      return page.rows === 0 ? null : page;
    },
    /** Reads the review-log fields of the optimizer's CSV, `limit` rows after id `afterId`. */
    reviewLogPage(afterId: number, limit: number): ReviewLogCsvRow[] {
      return [...(reviewLogPage.iterate(afterId, limit) as IterableIterator<ReviewLogCsvRow>)];
    },
    /** Counts what makes a folder hold progress: answers, studied cards and mock interviews. */
    progress(): { answers: number; studied: number; sessions: number } {
      return progress.get() as { answers: number; studied: number; sessions: number };
    },
  };
}

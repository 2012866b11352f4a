import type { Database } from 'better-sqlite3';
import { EXPORT_TABLES, type ExportTable } from './repositories/export.js';
import { fillReviewDayTotals } from './reviewDayTotals.js';

/** A schema object as stored in sqlite_master. */
export interface SchemaEntry {
  name: string;
  sql: string;
}

/** An index of an export table, built in staging once the rows are in. */
export interface IndexEntry extends SchemaEntry {
  /** The indexed columns of a UNIQUE index, which a repeated key breaks when it is built; null for other indexes. */
  uniqueColumns: string[] | null;
}

/** A live table that is not exported but computed from the export tables, such as the per-day totals of the review log. */
export interface DerivedTable extends SchemaEntry {
  /** Fills the empty table from the export tables of the same database in one statement. */
  fill: (db: Database) => void;
}

/**
 * The function that fills each derived table from scratch, by table name.
 * Each uses the same expressions as the triggers that keep its table, so the
 * two cannot disagree.
 */
const DERIVED_TABLE_FILLS: Readonly<Record<string, (db: Database) => void>> = {
  review_day_totals: fillReviewDayTotals,
};

/**
 * The schema of the live database, read when an import starts. The staging
 * file becomes a complete database of the same version from it: the export
 * tables loaded from the backup, then their indexes, the derived tables
 * filled once, and the triggers. The import then puts that file in place of
 * the live one.
 */
export interface ImportPlan {
  /** CREATE TABLE of every export table, exactly as in the live database. */
  tables: Map<ExportTable, string>;
  /** The named indexes of every export table; staging builds them once its rows are in. */
  indexes: Map<ExportTable, IndexEntry[]>;
  /** Export tables empty in the live database when the import started; rows in them later mean the folder changed meanwhile. */
  emptyTables: Set<ExportTable>;
  /** Every trigger of the live database, created in staging once the derived tables are filled. */
  triggers: SchemaEntry[];
  /** Every live table other than the export tables. */
  derivedTables: DerivedTable[];
  /** CREATE INDEX of the derived tables. */
  derivedIndexes: string[];
  /** The live database's schema version (PRAGMA user_version). */
  userVersion: number;
}

function entries(main: Database, type: 'table' | 'index' | 'trigger', table?: string): SchemaEntry[] {
  const byTable = table === undefined ? '' : 'AND tbl_name = @table';
  return main
    .prepare(
      `SELECT name, sql FROM main.sqlite_master
       WHERE type = @type AND sql IS NOT NULL ${byTable} AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all({ type, ...(table === undefined ? {} : { table }) }) as SchemaEntry[];
}

function derivedTableFill(table: string): (db: Database) => void {
  const fill = DERIVED_TABLE_FILLS[table];
  if (fill === undefined) {
    throw new Error(`The import cannot rebuild the table ${table}: export it, or add a fill to DERIVED_TABLE_FILLS in importSchema.ts.`);
  }
  return fill;
}

interface IndexListRow {
  name: string;
  unique: number;
}

/** Returns the columns of each UNIQUE index of `table` in `db`, by index name, automatic indexes of constraints included. */
export function uniqueIndexColumns(db: Database, table: string): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const index of db.pragma(`main.index_list(${table})`) as IndexListRow[]) {
    if (index.unique !== 1) continue;
    columns.set(index.name, (db.pragma(`main.index_info(${index.name})`) as { name: string }[]).map((column) => column.name));
  }
  return columns;
}

function indexEntries(main: Database, table: ExportTable): IndexEntry[] {
  const unique = uniqueIndexColumns(main, table);
  return entries(main, 'index', table).map((entry) => ({ ...entry, uniqueColumns: unique.get(entry.name) ?? null }));
}

/** Reads the import plan from the live database. */
export function readImportPlan(main: Database): ImportPlan {
  const tables = new Map<ExportTable, string>();
  const indexes = new Map<ExportTable, IndexEntry[]>();
  const emptyTables = new Set<ExportTable>();
  const exported = new Set<string>(EXPORT_TABLES);
  const allTables = entries(main, 'table');
  for (const table of EXPORT_TABLES) {
    tables.set(table, allTables.find((entry) => entry.name === table)!.sql);
    indexes.set(table, indexEntries(main, table));
    if (main.prepare(`SELECT NOT EXISTS (SELECT 1 FROM main.${table})`).pluck().get() === 1) emptyTables.add(table);
  }
  const derivedTables = allTables.filter((entry) => !exported.has(entry.name)).map((entry) => ({ ...entry, fill: derivedTableFill(entry.name) }));
  const derivedIndexes = derivedTables.flatMap((table) => entries(main, 'index', table.name).map((entry) => entry.sql));
  const userVersion = main.pragma('user_version', { simple: true }) as number;
  return { tables, indexes, emptyTables, triggers: entries(main, 'trigger'), derivedTables, derivedIndexes, userVersion };
}

import type { Database } from 'better-sqlite3';
import { inTransaction } from './connection.js';
import type { ImportPlan } from './importSchema.js';
import { EXPORT_TABLES, type ExportTable } from './repositories/export.js';

const SCHEMA = 'import_staging';

/** A row whose foreign key names a row that exists neither in the file nor in the data folder. */
export class DanglingReferenceError extends Error {
  override name = 'DanglingReferenceError';
  constructor(
    readonly table: ExportTable,
    readonly column: string,
    readonly value: unknown,
    readonly parent: string,
  ) {
    super(`${table}.${column} = ${JSON.stringify(value)} refers to a missing ${parent} row`);
  }
}

/** A table that was empty when staging began has rows now: the folder changed while the backup was read. */
export class StagingOutdatedError extends Error {
  override name = 'StagingOutdatedError';
  constructor(readonly table: ExportTable) {
    super(`${table} received rows while the backup was being read`);
  }
}

interface ForeignKey {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
}

interface ForeignKeyProblem {
  rowid: number;
  fkid: number;
  parent: string;
}

function isEmpty(main: Database, table: string): boolean {
  return main.prepare(`SELECT NOT EXISTS (SELECT 1 FROM main.${table})`).pluck().get() === 1;
}

/** Adds the live rows of `table` to its staged copy, except those whose key a staged row already has: the backup's rows win. */
function keepLiveRows(main: Database, table: ExportTable): void {
  // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT (a documented parsing ambiguity).
  main.exec(`INSERT INTO ${SCHEMA}.${table} SELECT * FROM main.${table} WHERE true ON CONFLICT DO NOTHING`);
}

/**
 * Returns a value of `key.from` in `table` that no row of the parent table has.
 * Each distinct value is looked up once, read through the child column's index
 * where there is one. For the review log that is about 100,000 card ids,
 * where PRAGMA foreign_key_check looks up the parent of each of 2 million rows.
 */
function missingParent(main: Database, table: string, key: ForeignKey): unknown {
  return main
    .prepare(
      `SELECT child.value FROM (SELECT DISTINCT ${key.from} AS value FROM ${SCHEMA}.${table} WHERE ${key.from} IS NOT NULL) AS child
       WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.${key.table} AS parent WHERE parent.${key.to} = child.value) LIMIT 1`,
    )
    .pluck()
    .get();
}

/** Throws DanglingReferenceError for the first foreign key value of the staged export tables that finds no parent row. */
function checkForeignKeys(main: Database): void {
  for (const table of EXPORT_TABLES) {
    const keys = main.prepare(`PRAGMA ${SCHEMA}.foreign_key_list(${table})`).all() as ForeignKey[];
    const composite = new Set(keys.filter((key) => key.seq > 0).map((key) => key.id));
    for (const key of keys) {
      if (composite.has(key.id) || key.to === null) continue;
      const value = missingParent(main, table, key);
      if (value !== undefined) throw new DanglingReferenceError(table, key.from, value, key.table);
    }
    // Keys over several columns, or onto the parent's primary key by default, are left to SQLite's own check.
    if (composite.size > 0 || keys.some((key) => key.to === null)) {
      const problem = main.prepare(`PRAGMA ${SCHEMA}.foreign_key_check(${table})`).get() as ForeignKeyProblem | undefined;
      if (problem) throw new DanglingReferenceError(table, 'rowid', problem.rowid, problem.parent);
    }
  }
}

/**
 * Completes the staged database with what the live one keeps: in each export
 * table that is not in `replaced`, the live rows whose key the backup does not
 * have (such as cards of decks added after the backup was made). Then checks
 * every foreign key of the staged tables. `beforeMerge` runs first, inside the
 * same IMMEDIATE transaction, for the import's last checks. Throws
 * StagingOutdatedError when a table that was empty at the start has rows now.
 * The live database is only read; the staging file takes the changes.
 */
export function mergeLiveRows(main: Database, stagingPath: string, plan: ImportPlan, replaced: ReadonlySet<ExportTable>, beforeMerge: () => void): void {
  const foreignKeys = main.pragma('foreign_keys', { simple: true }) === 1;
  main.prepare(`ATTACH DATABASE ? AS ${SCHEMA}`).run(stagingPath);
  // PRAGMA foreign_keys has no effect inside a transaction, so it is switched before BEGIN.
  main.pragma('foreign_keys = OFF');
  try {
    inTransaction(main, () => {
      beforeMerge();
      for (const table of EXPORT_TABLES) {
        if (plan.emptyTables.has(table)) {
          if (!isEmpty(main, table)) throw new StagingOutdatedError(table);
        } else if (!replaced.has(table)) {
          keepLiveRows(main, table);
        }
      }
      checkForeignKeys(main);
    });
  } finally {
    main.exec(`DETACH DATABASE ${SCHEMA}`);
    if (foreignKeys) main.pragma('foreign_keys = ON');
  }
}

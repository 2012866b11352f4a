import type { Database } from 'better-sqlite3';
import { inTransaction } from './connection.js';
import type { ImportPlan } from './importSchema.js';
import { EXPORT_TABLES, type ColumnInfo, type ExportTable } from './repositories/export.js';

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

/** A table that was empty when staging began has rows now: the derived tables filled in staging no longer apply. */
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

/**
 * Copies a staged table that was empty in the live database. `INSERT INTO t
 * SELECT * FROM s` between identical definitions lets SQLite copy records and
 * index entries as they are (its transfer optimization), far faster than
 * inserting row by row. SQLite only does so while the target has no triggers
 * and foreign keys are not enforced, which is why the move drops the triggers
 * for the copy, turns enforcement off and runs foreign_key_check itself.
 */
function copyWhole(main: Database, table: ExportTable): void {
  if (!isEmpty(main, table)) throw new StagingOutdatedError(table);
  main.exec(`INSERT INTO main.${table} SELECT * FROM ${SCHEMA}.${table}`);
}

/** Copies a staged table into a live one that has rows (decks and cards from the bundled-deck sync): each staged row replaces its own. */
function copyOver(main: Database, table: ExportTable, columns: ColumnInfo[]): void {
  const keys = columns.filter((column) => column.primaryKey).map((column) => column.name);
  const updates = columns.filter((column) => !column.primaryKey).map((column) => `${column.name} = excluded.${column.name}`);
  const conflict = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT (a documented parsing ambiguity).
  main.exec(`INSERT INTO main.${table} SELECT * FROM ${SCHEMA}.${table} WHERE true ON CONFLICT (${keys.join(', ')}) ${conflict}`);
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
      `SELECT child.value FROM (SELECT DISTINCT ${key.from} AS value FROM main.${table} WHERE ${key.from} IS NOT NULL) AS child
       WHERE NOT EXISTS (SELECT 1 FROM main.${key.table} AS parent WHERE parent.${key.to} = child.value) LIMIT 1`,
    )
    .pluck()
    .get();
}

/** Throws DanglingReferenceError for the first foreign key value of the export tables that finds no parent row. */
function checkForeignKeys(main: Database): void {
  for (const table of EXPORT_TABLES) {
    const keys = main.prepare(`PRAGMA main.foreign_key_list(${table})`).all() as ForeignKey[];
    const composite = new Set(keys.filter((key) => key.seq > 0).map((key) => key.id));
    for (const key of keys) {
      if (composite.has(key.id) || key.to === null) continue;
      const value = missingParent(main, table, key);
      if (value !== undefined) throw new DanglingReferenceError(table, key.from, value, key.table);
    }
    // Keys over several columns, or onto the parent's primary key by default, are left to SQLite's own check.
    if (composite.size > 0 || keys.some((key) => key.to === null)) {
      const problem = main.prepare(`PRAGMA main.foreign_key_check(${table})`).get() as ForeignKeyProblem | undefined;
      if (problem) throw new DanglingReferenceError(table, 'rowid', problem.rowid, problem.parent);
    }
  }
}

/**
 * Moves every staged row into the live database in one IMMEDIATE transaction.
 * `beforeCopy` runs first inside it (the import's last checks and clean-up),
 * so nothing can change between those checks and the copy. The tables that
 * the bulk tables' triggers write are replaced by their staged copies, which
 * staging filled from the staged rows. Any error rolls the whole move
 * back, leaving the live database as it was.
 */
export function moveStagedRows(
  main: Database,
  stagingPath: string,
  plan: ImportPlan,
  columns: (table: ExportTable) => ColumnInfo[],
  beforeCopy: () => void,
): void {
  const foreignKeys = main.pragma('foreign_keys', { simple: true }) === 1;
  main.prepare(`ATTACH DATABASE ? AS ${SCHEMA}`).run(stagingPath);
  // PRAGMA foreign_keys has no effect inside a transaction, so it is switched before BEGIN.
  main.pragma('foreign_keys = OFF');
  try {
    inTransaction(main, () => {
      beforeCopy();
      for (const trigger of plan.triggers) main.exec(`DROP TRIGGER main.${trigger.name}`);
      for (const table of EXPORT_TABLES) {
        if (plan.bulkTables.has(table)) copyWhole(main, table);
        else copyOver(main, table, columns(table));
      }
      for (const { name } of plan.derivedTables) {
        main.exec(`DELETE FROM main.${name}; INSERT INTO main.${name} SELECT * FROM ${SCHEMA}.${name};`);
      }
      for (const trigger of plan.triggers) main.exec(trigger.sql);
      checkForeignKeys(main);
    });
  } finally {
    main.exec(`DETACH DATABASE ${SCHEMA}`);
    if (foreignKeys) main.pragma('foreign_keys = ON');
  }
}

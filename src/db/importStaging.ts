import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor, { type Database, type Statement } from 'better-sqlite3';
import { sqliteCode, translateWriteError } from './connection.js';
import { readImportPlan, uniqueIndexColumns, type ImportPlan, type IndexEntry } from './importSchema.js';
import { EXPORT_TABLES, type ColumnInfo, type ExportTable } from './repositories/export.js';

/** A value of a STRICT column; undefined marks a column left to its default. */
export type StagedValue = string | number | null | undefined;

const FILE_PREFIX = '.import-staging-';
/** Rows per multi-row INSERT: fewer calls into SQLite, well under its limit of 32,766 parameters. */
const ROWS_PER_INSERT = 25;
/** Page cache of the staging connection, in KiB: room for the review log's unique index while rows arrive. */
const STAGING_CACHE_KIB = 131_072;
/** Staging paths in use by this process, so a second import does not delete the first one's file. */
const activePaths = new Set<string>();

/** The key that a row repeats: the columns of a PRIMARY KEY or UNIQUE constraint and the row's values in them. */
export interface RepeatedKey {
  columns: string[];
  values: StagedValue[];
}

/** A staged row that breaks a constraint of its table (CHECK, NOT NULL, UNIQUE, PRIMARY KEY or type). */
export class StagedRowError extends Error {
  override name = 'StagedRowError';
  constructor(
    readonly table: ExportTable,
    /** Position of the row among the rows of its table in the file, from 0. */
    readonly index: number,
    readonly detail: string,
    /** Set when the row repeats the key of an earlier row. */
    readonly repeatedKey: RepeatedKey | null = null,
  ) {
    super(`${table} row ${index}: ${detail}`);
  }
}

/** Returns the column lists of the table's PRIMARY KEY and UNIQUE constraints and indexes present now, the rowid alias first. */
function uniqueKeys(db: Database, table: ExportTable, columns: ColumnInfo[]): string[][] {
  const keys: string[][] = [];
  const primary = columns.filter((column) => column.primaryKey);
  // An INTEGER PRIMARY KEY is the rowid and has no index of its own.
  if (primary.length === 1 && primary[0]!.type === 'INTEGER') keys.push([primary[0]!.name]);
  keys.push(...uniqueIndexColumns(db, table).values());
  return keys;
}

/**
 * Staged rows repeat the key of a UNIQUE index that is built after loading,
 * so the rows themselves are not known: the error names the key, and the
 * import finds the rows in the file.
 */
export class RepeatedKeyError extends Error {
  override name = 'RepeatedKeyError';
  constructor(
    readonly table: ExportTable,
    readonly repeatedKey: RepeatedKey,
  ) {
    super(`${table}: several rows have ${repeatedKey.columns.join(', ')} = ${repeatedKey.values.map((value) => JSON.stringify(value)).join(', ')}`);
  }
}

/** Returns one key of `columns` that several rows of `table` share, or null; a NULL never repeats a UNIQUE key. */
function findRepeatedKey(db: Database, table: ExportTable, columns: string[]): RepeatedKey | null {
  const list = columns.join(', ');
  const notNull = columns.map((column) => `${column} IS NOT NULL`).join(' AND ');
  const values = db.prepare(`SELECT ${list} FROM ${table} WHERE ${notNull} GROUP BY ${list} HAVING COUNT(*) > 1 LIMIT 1`).raw().get() as
    | StagedValue[]
    | undefined;
  return values === undefined ? null : { columns, values };
}

/**
 * Deletes staging files that no import of this process uses: leftovers of a
 * crash or a kill. Call it only while this process holds the data folder.
 */
export function removeStaleFiles(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (!name.startsWith(FILE_PREFIX) || activePaths.has(path.replace(/-journal$/, ''))) continue;
    rmSync(path, { force: true });
  }
}

/** Rows of one table on their way into the staging file, written in multi-row INSERTs. */
class TableStage {
  count = 0;
  private readonly width: number;
  private readonly batch: (string | number | null)[];
  private batchRows = 0;
  private readonly insertMany: Statement;
  private readonly insertOne: Statement;
  private readonly partialInserts = new Map<string, Statement>();
  private readonly keys: string[][];

  constructor(
    private readonly db: Database,
    readonly table: ExportTable,
    private readonly columns: ColumnInfo[],
  ) {
    this.keys = uniqueKeys(db, table, columns);
    this.width = columns.length;
    this.batch = new Array<string | number | null>(this.width * ROWS_PER_INSERT);
    const row = `(${columns.map(() => '?').join(', ')})`;
    this.insertMany = db.prepare(`INSERT INTO ${table} VALUES ${Array<string>(ROWS_PER_INSERT).fill(row).join(', ')}`);
    this.insertOne = db.prepare(`INSERT INTO ${table} VALUES ${row}`);
  }

  add(values: StagedValue[]): void {
    const offset = this.batchRows * this.width;
    for (let column = 0; column < this.width; column += 1) {
      const value = values[column];
      if (value === undefined) {
        this.flush();
        this.insertWithDefaults(values);
        return;
      }
      this.batch[offset + column] = value;
    }
    this.batchRows += 1;
    if (this.batchRows === ROWS_PER_INSERT) this.flush();
  }

  /** Writes the rows still waiting in the batch. */
  flush(): void {
    const rows = this.batchRows;
    this.batchRows = 0;
    if (rows === ROWS_PER_INSERT) {
      try {
        this.insertMany.run(...this.batch);
      } catch (error) {
        if (!sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) throw translateWriteError(error);
        this.findFailingRow(rows, error as Error);
      }
      this.count += rows;
      return;
    }
    for (let row = 0; row < rows; row += 1) this.insertRow(row);
  }

  /** Inserts the batch's `row`-th row alone; throws StagedRowError when it breaks a constraint. */
  private insertRow(row: number): void {
    const values = this.batch.slice(row * this.width, (row + 1) * this.width);
    try {
      this.insertOne.run(...values);
      this.count += 1;
    } catch (error) {
      throw this.rowError(error, values);
    }
  }

  /** Turns a failed insert of `values` into a StagedRowError naming the key it repeats, if any. */
  private rowError(error: unknown, values: StagedValue[]): unknown {
    const code = sqliteCode(error);
    if (!code?.startsWith('SQLITE_CONSTRAINT')) return translateWriteError(error);
    let repeated: RepeatedKey | null = null;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      repeated = this.repeatedKey(values);
    }
    return new StagedRowError(this.table, this.count, (error as Error).message, repeated);
  }

  /** Finds the unique key whose values in `values` an earlier staged row already has. */
  private repeatedKey(values: StagedValue[]): RepeatedKey | null {
    for (const columns of this.keys) {
      const keyValues = columns.map((name) => values[this.columns.findIndex((column) => column.name === name)]);
      // A missing value takes a default or a new rowid, so it cannot repeat a key.
      if (keyValues.some((value) => value === undefined || value === null)) continue;
      const where = columns.map((name) => `${name} = ?`).join(' AND ');
      if (this.db.prepare(`SELECT 1 FROM ${this.table} WHERE ${where}`).get(...keyValues) !== undefined) {
        return { columns, values: keyValues };
      }
    }
    return null;
  }

  /**
   * Inserts the rows of a rejected batch one by one, so the error names the
   * first row that breaks a constraint. SQLite undoes a failed statement as a
   * whole (the staging journal is in memory, not off), so none of the batch is in.
   */
  private findFailingRow(rows: number, batchError: Error): never {
    for (let row = 0; row < rows; row += 1) this.insertRow(row);
    throw new StagedRowError(this.table, this.count - rows, batchError.message);
  }

  /** Inserts a row that leaves some columns out, so SQLite fills in their declared defaults. */
  private insertWithDefaults(values: StagedValue[]): void {
    const present = this.columns.filter((_, column) => values[column] !== undefined).map((column) => column.name);
    const key = present.join(',');
    let statement = this.partialInserts.get(key);
    if (!statement) {
      const placeholders = present.map(() => '?').join(', ');
      statement = this.db.prepare(`INSERT INTO ${this.table} (${present.join(', ')}) VALUES (${placeholders})`);
      this.partialInserts.set(key, statement);
    }
    try {
      statement.run(...values.filter((value) => value !== undefined));
      this.count += 1;
    } catch (error) {
      throw this.rowError(error, values);
    }
  }
}

/** Builds one index of a staged table; throws RepeatedKeyError when rows repeat the key of a UNIQUE index. */
function buildIndex(db: Database, table: ExportTable, index: IndexEntry): void {
  try {
    db.exec(index.sql);
  } catch (error) {
    const repeated = index.uniqueColumns !== null && sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' ? findRepeatedKey(db, table, index.uniqueColumns) : null;
    throw repeated === null ? error : new RepeatedKeyError(table, repeated);
  }
}

/**
 * A staging database beside the live one, which becomes a complete copy of
 * its schema: the export tables with their exact live definitions,
 * constraints included, and after finish() their indexes, the derived tables
 * and the triggers. A UNIQUE index is checked when finish() builds it, after
 * the rows are in. An import validates and writes every row here first, and
 * the live database is left alone until the import puts this file in its
 * place. Foreign keys are checked after the rows that the live database keeps
 * are added (mergeLiveRows). No triggers run while rows arrive: finish() fills
 * the tables they keep in one statement each. The file is hidden in the data
 * folder; a crash leaves it behind and the next start-up or import deletes it.
 */
export class ImportStaging {
  readonly path: string;
  readonly plan: ImportPlan;
  private db: Database | null;
  private readonly stages = new Map<ExportTable, TableStage>();

  constructor(main: Database, dataDir: string, columns: (table: ExportTable) => ColumnInfo[]) {
    removeStaleFiles(dataDir);
    this.plan = readImportPlan(main);
    this.path = join(dataDir, `${FILE_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.db`);
    activePaths.add(this.path);
    let db: Database;
    try {
      db = new DatabaseConstructor(this.path);
    } catch (error) {
      activePaths.delete(this.path);
      throw translateWriteError(error);
    }
    this.db = db;
    try {
      // Nothing here has to survive a crash: no sync, and a rollback journal in memory, which still
      // undoes a failed statement so that a rejected batch can be retried row by row.
      db.pragma('journal_mode = MEMORY');
      db.pragma('synchronous = OFF');
      db.pragma('foreign_keys = OFF');
      db.pragma(`cache_size = -${STAGING_CACHE_KIB}`);
      // Lets SQLite sort with a second thread while it builds the indexes.
      db.pragma('threads = 2');
      for (const sql of this.plan.tables.values()) db.exec(sql);
      for (const table of this.plan.derivedTables) db.exec(table.sql);
      for (const sql of this.plan.derivedIndexes) db.exec(sql);
      for (const table of EXPORT_TABLES) this.stages.set(table, new TableStage(db, table, columns(table)));
      db.exec('BEGIN');
    } catch (error) {
      this.discard();
      throw translateWriteError(error);
    }
  }

  /** Appends one row, values in the order of the table's columns. Throws StagedRowError for a row that breaks a constraint. */
  add(table: ExportTable, values: StagedValue[]): void {
    this.stages.get(table)!.add(values);
  }

  /** Returns the number of rows staged so far in `table`. */
  count(table: ExportTable): number {
    return this.stages.get(table)!.count;
  }

  /**
   * Writes the last rows and commits, then completes the database: indexes,
   * derived tables, triggers and schema version. Closes the staging connection.
   */
  finish(): void {
    const db = this.db;
    if (!db) throw new Error('The import staging database is already closed.');
    for (const stage of this.stages.values()) stage.flush();
    try {
      db.exec('COMMIT');
      // Sorting each finished table once is far cheaper than updating its indexes on every row.
      for (const [table, indexes] of this.plan.indexes) for (const index of indexes) buildIndex(db, table, index);
      // One GROUP BY over the staged rows, in place of a trigger firing for each of them.
      for (const table of this.plan.derivedTables) table.fill(db);
      for (const trigger of this.plan.triggers) db.exec(trigger.sql);
      db.pragma(`user_version = ${this.plan.userVersion}`);
      // A rollback journal on disk from here on, as SQLite uses for a file it opens afresh.
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      throw error instanceof RepeatedKeyError ? error : translateWriteError(error);
    }
    db.close();
    this.db = null;
  }

  /** Closes the staging connection if it is open and deletes the staging file. */
  discard(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
    for (const suffix of ['', '-journal']) rmSync(`${this.path}${suffix}`, { force: true });
    activePaths.delete(this.path);
  }
}

import { inTransaction, sqliteCode } from '../../db/connection.js';
import { LATEST_VERSION } from '../../db/migrate.js';
import { EXPORT_TABLES, type ColumnInfo, type ExportTable, type RawRow } from '../../db/repositories/export.js';
import type { ImportSummary } from '../api/stats.js';
import type { CoreContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, TABLE_KEYS, toCamelCase } from './json.js';

type Tables = Record<ExportTable, RawRow[]>;

function fail(message: string): never {
  throw new ValidationError(`The file is not a Rehearse backup that this version can import: ${message}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Returns why a value does not fit its column, or null when it fits. */
function valueProblem(column: ColumnInfo, value: unknown): string | null {
  if (value === null || value === undefined) {
    return column.notNull && !column.hasDefault ? 'is missing' : null;
  }
  if (column.type === 'TEXT' && typeof value !== 'string') return `must be text, not ${typeof value}`;
  if (column.type === 'INTEGER' && !Number.isSafeInteger(value)) {
    return `must be a whole number, not ${JSON.stringify(value)}`;
  }
  if (column.type === 'REAL' && !(typeof value === 'number' && Number.isFinite(value))) {
    return `must be a number, not ${JSON.stringify(value)}`;
  }
  return null;
}

function checkValue(table: ExportTable, index: number, column: ColumnInfo, value: unknown): string | number | null {
  const problem = valueProblem(column, value);
  if (problem !== null) fail(`${TABLE_KEYS[table]}[${index}].${column.name} ${problem}.`);
  return (value ?? null) as string | number | null;
}

/** Checks every row against the live schema: known columns only, the declared type, no missing required value. */
function readRows(table: ExportTable, value: unknown, columns: ColumnInfo[]): RawRow[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`tables.${TABLE_KEYS[table]} must be a list.`);
  // Keys repeat on every row, so each JSON key is mapped to its column once.
  const byKey = new Map(columns.map((column) => [toCamelCase(column.name), column]));
  return value.map((entry: unknown, index) => {
    const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
    if (!isObject) fail(`${TABLE_KEYS[table]}[${index}] must be an object.`);
    const row: RawRow = {};
    for (const [key, field] of Object.entries(entry)) {
      const column = byKey.get(key);
      if (!column) fail(`${TABLE_KEYS[table]}[${index}] has an unknown field "${key}".`);
      const checked = checkValue(table, index, column, field);
      if (checked !== null || !column.hasDefault) row[column.name] = checked;
    }
    for (const column of columns) {
      if (!(column.name in row)) checkValue(table, index, column, undefined);
    }
    return row;
  });
}

/** Parses and validates a backup's text; throws ValidationError naming the first bad field. */
export function parseBackup(context: CoreContext, text: string): Tables {
  const parsed = parseJson(text);
  if (typeof parsed !== 'object' || parsed === null) fail('the top level must be an object.');
  const file = parsed as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) fail(`"format" must be "${EXPORT_FORMAT}".`);
  if (file.schemaVersion !== EXPORT_SCHEMA_VERSION) {
    fail(`schema version ${String(file.schemaVersion)} is not ${EXPORT_SCHEMA_VERSION}.`);
  }
  if (typeof file.databaseVersion !== 'number' || file.databaseVersion > LATEST_VERSION) {
    const version = String(file.databaseVersion);
    fail(`it comes from a newer Rehearse (database version ${version}); update Rehearse first.`);
  }
  const tables = file.tables;
  if (typeof tables !== 'object' || tables === null) fail('"tables" is missing.');
  const known = new Set(Object.values(TABLE_KEYS));
  for (const key of Object.keys(tables)) if (!known.has(key)) fail(`it has an unknown table "${key}".`);
  const repository = context.repositories.exports;
  const result = {} as Tables;
  for (const table of EXPORT_TABLES) {
    const rows = (tables as Record<string, unknown>)[TABLE_KEYS[table]];
    result[table] = readRows(table, rows, repository.columns(table));
  }
  return result;
}

/** Runs the import's transaction; a broken reference in the file becomes a ValidationError. */
function runImport(context: CoreContext, work: () => void): void {
  try {
    inTransaction(context.db, work);
  } catch (error) {
    if (sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) {
      fail(`its rows do not fit together (${(error as Error).message}); nothing was imported.`);
    }
    throw error;
  }
}

/**
 * Imports a full JSON export into this data folder in one transaction. It is
 * refused when the folder already contains progress (answers, studied cards or
 * mock interviews), so an import never mixes two histories; decks and cards
 * that the bundled-deck sync created are overwritten with the backup's rows.
 */
// TODO: stream the file row by row. Reading it into one string caps imports at about 512 MB
// (V8's string limit), while a collection with 2 million answers exports about 1.3 GB.
export function importBackup(context: CoreContext, text: string, dataDir: string): ImportSummary {
  const tables = parseBackup(context, text);
  const repository = context.repositories.exports;
  runImport(context, () => {
    const progress = repository.progress();
    if (progress.answers > 0 || progress.studied > 0 || progress.sessions > 0) {
      throw new ConflictError(
        `The data folder ${dataDir} already contains progress ` +
          `(${progress.answers} answers, ${progress.sessions} mock interviews), so the backup was not imported. ` +
          'Start Rehearse with an empty data folder (--data-dir) and import there.',
      );
    }
    // Settings changed here before the import would otherwise change the imported statistics.
    repository.clearSettings();
    for (const table of EXPORT_TABLES) {
      for (const row of tables[table]) repository.upsert(table, row);
    }
  });
  const summary = {
    decks: tables.decks.length,
    cards: tables.cards.length,
    reviews: tables.review_log.length,
    interviewSessions: tables.interview_sessions.length,
  };
  context.logger.info('backup imported', summary);
  return summary;
}

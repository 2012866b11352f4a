import { stat } from 'node:fs/promises';
import { sqliteCode } from '../../db/connection.js';
import { DanglingReferenceError, mergeLiveRows, StagingOutdatedError } from '../../db/importMerge.js';
import { ImportStaging, RepeatedKeyError, StagedRowError } from '../../db/importStaging.js';
import type { ExportTable } from '../../db/repositories/export.js';
import type { ImportSummary } from '../api/stats.js';
import type { CoreContext } from '../context.js';
import type { BackupEntry } from '../backup/policy.js';
import { claimDatabaseFile, type SwapOptions } from '../databaseFile.js';
import { ConflictError, ValidationError } from '../errors.js';
import { readBackupLines, readWholeBackup, LayoutError, WholeFileSyntaxError, type BackupVisitor } from './importLines.js';
import { repeatedKeyError, repeatedRowError } from './importRepeats.js';
import { checkHeader, invalidBackup, RowReader, tableOfKey } from './importRows.js';
import { TABLE_KEYS } from './json.js';

/**
 * Largest file read in one piece with JSON.parse when it is not in the
 * one-row-per-line layout (a hand-edited or pretty-printed backup). Larger
 * files must keep that layout, so memory stays bounded whatever their size.
 */
export const WHOLE_FILE_MAX_BYTES = 64 * 1024 * 1024;

export interface ImportOptions {
  /** Largest file read whole when it leaves the one-row-per-line layout; WHOLE_FILE_MAX_BYTES unless a test sets another. */
  wholeFileMaxBytes?: number;
  /** Maximum line length of the one-row-per-line layout; MAX_LINE_BYTES unless a test sets another. */
  maxLineBytes?: number;
}

/** The data folder an import writes to. */
export interface ImportTarget {
  context: CoreContext;
  dataDir: string;
  /** Backs up the live database, then puts the database file at `path` in its place and reopens it (swapInWithBackup). */
  swapDatabase(path: string, options: SwapOptions): Promise<BackupEntry>;
}

/** Tables whose live rows the backup's rows replace as a whole; the other tables keep live rows the backup lacks. */
const REPLACED_TABLES: ReadonlySet<ExportTable> = new Set(['settings']);

function rejectFolderWithProgress(context: CoreContext, dataDir: string): void {
  const progress = context.repositories.exports.progress();
  if (progress.answers > 0 || progress.studied > 0 || progress.sessions > 0) {
    throw new ConflictError(
      `The data folder ${dataDir} already contains progress ` +
        `(${progress.answers} answers, ${progress.sessions} mock interviews), so the backup was not imported. ` +
        'Start Rehearse with an empty data folder (--data-dir) and import there.',
    );
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ValidationError(`The backup file ${path} does not exist, so nothing was imported. Choose the file again.`);
    }
    throw error;
  }
}

/** Validates each row against the live schema and stages it. */
function stagingVisitor(context: CoreContext, staging: ImportStaging): BackupVisitor {
  const seen = new Set<ExportTable>();
  let layout = 0;
  let reader: RowReader | null = null;
  return {
    header(value) {
      layout = checkHeader(value);
    },
    table(key, columns) {
      const table = tableOfKey(key);
      if (seen.has(table)) invalidBackup(`the table "${key}" appears twice.`);
      seen.add(table);
      if (layout === 1 && columns !== null) invalidBackup(`tables.${key} must be a list of row objects in a schema version 1 file.`);
      if (layout !== 1 && columns === null) invalidBackup(`tables.${key} must be an object with "columns" and "rows" in a schema version ${layout} file.`);
      reader = new RowReader(table, context.repositories.exports.columns(table), columns);
    },
    row(entry) {
      staging.add(reader!.table, reader!.read(entry));
    },
  };
}

/**
 * Parses the file into a fresh staging database. The one-row-per-line layout
 * that Rehearse writes streams in bounded memory. A file that leaves it is read
 * whole when it is at most WHOLE_FILE_MAX_BYTES, and rejected when larger.
 */
async function stageFile(context: CoreContext, path: string, dataDir: string, size: number, options: ImportOptions): Promise<ImportStaging> {
  const wholeFileMaxBytes = options.wholeFileMaxBytes ?? WHOLE_FILE_MAX_BYTES;
  const columns = context.repositories.exports.columns;
  let staging = new ImportStaging(context.db, dataDir, columns);
  let lineError: LayoutError;
  try {
    await readBackupLines(path, stagingVisitor(context, staging), options.maxLineBytes);
    return staging;
  } catch (error) {
    staging.discard();
    if (!(error instanceof LayoutError)) throw error;
    lineError = error;
    if (size > wholeFileMaxBytes) {
      const megabytes = Math.round(wholeFileMaxBytes / 1024 / 1024);
      invalidBackup(
        `${error.message}. A backup larger than ${megabytes} MB must keep the layout Rehearse writes, one row per line, ` +
          'and this one may be cut off or edited. Export the backup again.',
      );
    }
  }
  staging = new ImportStaging(context.db, dataDir, columns);
  try {
    await readWholeBackup(path, stagingVisitor(context, staging));
    return staging;
  } catch (error) {
    staging.discard();
    // Neither reading works: the line reader's message gives the line where the file goes wrong.
    if (error instanceof WholeFileSyntaxError) {
      invalidBackup(`${lineError.message}, and the file as a whole is not valid JSON (${error.detail}): it may be cut off or edited. Export the backup again.`);
    }
    throw error;
  }
}

/** Turns the storage layer's complaints about rows into messages about the file. */
function asValidationError(error: unknown): unknown {
  if (error instanceof StagedRowError) {
    return new ValidationError(
      `The file is not a Rehearse backup that this version can import: ${TABLE_KEYS[error.table]}[${error.index}] ` +
        `breaks a rule of its table (${error.detail}); nothing was imported. Correct that row or export the backup again.`,
    );
  }
  if (error instanceof DanglingReferenceError) {
    const table = TABLE_KEYS[error.table];
    return new ValidationError(
      `The file is not a Rehearse backup that this version can import: its rows do not fit together ` +
        `(${table} refers to ${error.parent} ${JSON.stringify(error.value)} through ${error.column}, and neither the file ` +
        `nor this data folder has that row); nothing was imported.`,
    );
  }
  if (error instanceof StagingOutdatedError) {
    return new ConflictError('The data folder changed while the backup was being read, so nothing was imported. Import it again.');
  }
  if (sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) {
    return new ValidationError(
      `The file is not a Rehearse backup that this version can import: its rows do not fit together ` +
        `(${(error as Error).message}); nothing was imported.`,
    );
  }
  return error;
}

/** Turns an error of the import into the one to raise, naming both rows when a row repeats the key of an earlier one. */
async function asImportError(error: unknown, path: string): Promise<unknown> {
  if (error instanceof StagedRowError && error.repeatedKey !== null) {
    return repeatedRowError(path, error.table, error.index, error.repeatedKey);
  }
  if (error instanceof RepeatedKeyError) return repeatedKeyError(path, error.table, error.repeatedKey);
  return asValidationError(error);
}

/**
 * Imports a full JSON export from the file at `path` into this data folder.
 * Every row is validated (column types and constraints, then FIELD_RULES)
 * and written to a staging database, which then becomes a complete database:
 * indexes, per-day totals, triggers, and the rows of the live database that
 * the backup does not replace (cards of decks added since, for example). That
 * file then takes the place of the live one in a single rename, so a bad row
 * anywhere, or a crash, leaves the folder as it was. The import is rejected
 * when the folder already contains progress (answers, studied cards or mock
 * interviews), so it never mixes two histories. Decks and cards that the
 * bundled-deck sync created are overwritten with the backup's rows, and the
 * folder's settings are replaced by the backup's. A backup made just before
 * the swap keeps what the folder had, listed as "Before import".
 *
 * NOTE: building the staging indexes, filling the per-day totals and the
 * merge run synchronously, several seconds for 2 million answers, and hold
 * up the event loop meanwhile.
 */
export async function importBackup(target: ImportTarget, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const { context, dataDir } = target;
  const release = claimDatabaseFile(context, 'import');
  try {
    rejectFolderWithProgress(context, dataDir);
    const started = performance.now();
    const size = await fileSize(path);
    const staging = await stageFile(context, path, dataDir, size, options).catch(async (error: unknown) => {
      throw await asImportError(error, path);
    });
    const timings = { stageMs: Math.round(performance.now() - started), indexMs: 0, swapMs: 0 };
    let safety: BackupEntry;
    try {
      let step = performance.now();
      staging.finish();
      timings.indexMs = Math.round(performance.now() - step);
      step = performance.now();
      // The backup keeps what the swap replaces (settings and deck rows); the merge runs with nothing in between.
      safety = await target.swapDatabase(staging.path, {
        reason: 'before-import',
        changedMessage: 'The data folder changed while the backup was being imported, so nothing was imported. Import it again.',
        beforeSwap: () => mergeLiveRows(context.db, staging.path, staging.plan, REPLACED_TABLES, () => rejectFolderWithProgress(context, dataDir)),
      });
      timings.swapMs = Math.round(performance.now() - step);
    } catch (error) {
      staging.discard();
      throw await asImportError(error, path);
    } finally {
      staging.discard();
    }
    // Each staged row is now stored: rows that repeat a unique key are rejected while staging or when its index is built.
    const summary = {
      decks: staging.count('decks'),
      cards: staging.count('cards'),
      reviews: staging.count('review_log'),
      interviewSessions: staging.count('interview_sessions'),
      safetyBackup: safety.name,
    };
    context.logger.info('backup imported', { ...summary, bytes: size, ...timings, ms: Math.round(performance.now() - started) });
    return summary;
  } finally {
    release();
  }
}

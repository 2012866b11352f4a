import { openReadSnapshot } from '../../db/backup.js';
import {
  createExportRepository,
  EXPORT_TABLES,
  type ExportRepository,
  type ExportTable,
  type JsonPage,
  toCamelCase,
} from '../../db/repositories/export.js';
import { LATEST_VERSION } from '../../db/migrate.js';
import { currentMoment, type CoreContext } from '../context.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { exportFileName, type ExportChunk, type ExportStream } from './stream.js';

export { toCamelCase } from '../../db/repositories/export.js';

export const EXPORT_FORMAT = 'rehearse-export';
/**
 * Version of the file layout that the export writes. Version 2 names each
 * table's columns once and writes each row as an array of values in that
 * order. Version 1 wrote each row as an object keyed by field name, a file
 * about three times as large, and the import still reads it. The database
 * version inside gives the columns a table can have.
 */
export const EXPORT_SCHEMA_VERSION = 2;
/** File layout versions that the import reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];
/** Rows per page of the JSON export: about 7 MB of text for the review log, so fewer, larger writes. */
const JSON_PAGE_ROWS = 10_000;

/** Table names as JSON keys: `card_state` becomes `cardState`. */
export const TABLE_KEYS: Record<ExportTable, string> = {
  settings: 'settings',
  decks: 'decks',
  cards: 'cards',
  card_state: 'cardStates',
  review_log: 'reviewLog',
  interview_sessions: 'interviewSessions',
  interview_answers: 'interviewAnswers',
};

/** Reads a page on the next turn of the event loop, so it is built while the previous page is being written. */
function readPageSoon(repository: ExportRepository, table: ExportTable, afterRowid: number): Promise<JsonPage | null> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        // Rowids can be zero or negative, so the first page starts below every one of them.
        const first = afterRowid === Number.NEGATIVE_INFINITY;
        resolve(repository.jsonPage(table, afterRowid, JSON_PAGE_ROWS, first ? '\n' : ',\n'));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Yields the rows of one table, one array per line, the lines separated by commas. */
async function* tableChunks(repository: ExportRepository, table: ExportTable): AsyncGenerator<ExportChunk> {
  let next = readPageSoon(repository, table, Number.NEGATIVE_INFINITY);
  try {
    for (let page = await next; page !== null; page = await next) {
      next = readPageSoon(repository, table, page.lastRowid);
      yield { text: page.json, rows: page.rows };
    }
  } finally {
    // A consumer that stops early must not leave a read running after the snapshot closes.
    await next.catch(() => undefined);
  }
}

/**
 * The full JSON export: every deck, card, card state, answer, mock interview
 * and setting, with the file layout version and the database schema version.
 * Each table lists its columns, then its rows as arrays of values. Tables are
 * written page by page, one row per line, from a snapshot taken
 * when the export starts, so answers given meanwhile cannot leave the card
 * states and the review log out of step.
 */
export function jsonExport(context: CoreContext): ExportStream {
  const moment = currentMoment(context);
  // The count comes from the live file before the snapshot; it only drives the progress display.
  const totalRows = EXPORT_TABLES.reduce((sum, table) => sum + context.repositories.exports.count(table), 0);

  async function* chunks(): AsyncGenerator<ExportChunk> {
    const snapshot = await openReadSnapshot(context.db);
    try {
      yield* snapshotChunks(createExportRepository(snapshot.db));
    } finally {
      snapshot.close();
    }
  }

  async function* snapshotChunks(repository: ExportRepository): AsyncGenerator<ExportChunk> {
    const header = {
      format: EXPORT_FORMAT,
      schemaVersion: EXPORT_SCHEMA_VERSION,
      databaseVersion: LATEST_VERSION,
      exportedAt: moment.now,
      studyDay: formatStudyDay(moment.studyDay),
    };
    yield { text: `${JSON.stringify(header).slice(0, -1)},\n"tables":{`, rows: 0 };
    for (const [index, table] of EXPORT_TABLES.entries()) {
      const columns = repository.columns(table).map((column) => toCamelCase(column.name));
      yield { text: `${index === 0 ? '' : ','}\n${JSON.stringify(TABLE_KEYS[table])}:{"columns":${JSON.stringify(columns)},"rows":[`, rows: 0 };
      yield* tableChunks(repository, table);
      yield { text: ']}', rows: 0 };
    }
    yield { text: '\n}}\n', rows: 0 };
  }

  return {
    fileName: exportFileName('backup', formatStudyDay(moment.studyDay), 'json'),
    contentType: 'application/json; charset=utf-8',
    totalRows,
    chunks: chunks(),
  };
}

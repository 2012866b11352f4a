import { openReadSnapshot } from '../../db/backup.js';
import { createExportRepository, EXPORT_TABLES, type ExportRepository, type ExportTable, type RawRow } from '../../db/repositories/export.js';
import { LATEST_VERSION } from '../../db/migrate.js';
import { currentMoment, type CoreContext } from '../context.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { exportFileName, PAGE_ROWS, yieldToEventLoop, type ExportChunk, type ExportStream } from './stream.js';

export const EXPORT_FORMAT = 'rehearse-export';
/** Version of the file layout. The database version inside tells which columns the tables carry. */
export const EXPORT_SCHEMA_VERSION = 1;

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

export function toCamelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

// Column names repeat on every row, so each is converted once.
const camelCaseNames = new Map<string, string>();

function rowJson(row: RawRow): string {
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    let name = camelCaseNames.get(key);
    if (name === undefined) camelCaseNames.set(key, (name = toCamelCase(key)));
    converted[name] = value;
  }
  return JSON.stringify(converted);
}

/**
 * The full JSON export: every deck, card, card state, answer, mock interview
 * and setting, with the file layout version and the database schema version.
 * Tables are written page by page, one row per line, from a snapshot taken
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
      yield { text: `${index === 0 ? '' : ','}\n${JSON.stringify(TABLE_KEYS[table])}:[`, rows: 0 };
      let afterRowid = 0;
      let first = true;
      for (;;) {
        const page = repository.page(table, afterRowid, PAGE_ROWS);
        if (page.rows.length === 0) break;
        const lines = page.rows.map((row, rowIndex) => {
          const separator = first && rowIndex === 0 ? '' : ',';
          return `${separator}\n${rowJson(row)}`;
        });
        const text = lines.join('');
        first = false;
        afterRowid = page.lastRowid;
        yield { text, rows: page.rows.length };
        await yieldToEventLoop();
      }
      yield { text: ']', rows: 0 };
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

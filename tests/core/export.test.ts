import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { openExport } from '../../src/core/export/index.js';
import type { ExportStream } from '../../src/core/export/stream.js';
import { writeExportFile } from '../../src/core/export/writeFile.js';
import { getStats } from '../../src/core/stats/service.js';
import { exportText, START, useExportTestFolders, withHistory } from './exportFixture.js';
import { getField, parseArrayBackup } from './exportLayouts.js';
import { answerAt, DAY } from './statsFixture.js';

const { open, importText, makeFolder } = useExportTestFolders();

describe('review-log CSV', () => {
  it('parses back with the optimizer columns', async () => {
    const handle = open();
    withHistory(handle);
    const parsed = Papa.parse<Record<string, string>>(await exportText(handle, 'review-log-csv'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration']);
    expect(parsed.data).toHaveLength(6);
  });

  it('times are UTC milliseconds', async () => {
    const handle = open();
    withHistory(handle);
    const rows = Papa.parse<Record<string, string>>(await exportText(handle, 'review-log-csv'), { header: true, skipEmptyLines: true }).data;
    expect(Number(rows[0]!.review_time)).toBe(START);
    expect(Number(rows[4]!.review_time)).toBe(START + 20 * DAY);
    expect(rows.map((row) => Number(row.review_duration))).toEqual([4200, 3100, 2500, 9000, 5000, 15_000]);
  });

  it('state is the one before the answer', async () => {
    const handle = open();
    withHistory(handle);
    const rows = Papa.parse<Record<string, string>>(await exportText(handle, 'review-log-csv'), { header: true, skipEmptyLines: true }).data;
    // alpha-1: new, then review; alpha-2: new, then learning; beta-2 answered in an interview while new.
    expect(rows.map((row) => [row.card_id, Number(row.review_rating), Number(row.review_state)])).toEqual([
      ['alpha-1', 4, 0],
      ['alpha-2', 3, 0],
      ['alpha-2', 3, 1],
      ['beta-1', 1, 0],
      ['alpha-1', 2, 2],
      ['beta-2', 3, 0],
    ]);
  });

  it('empty log has the header only', async () => {
    const handle = open();
    expect(await exportText(handle, 'review-log-csv')).toBe('card_id,review_time,review_rating,review_state,review_duration\r\n');
  });
});

describe('progress CSV', () => {
  it('one row per study day', async () => {
    const handle = open();
    withHistory(handle);
    const parsed = Papa.parse<Record<string, string>>(await exportText(handle, 'progress-csv'), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['date', 'reviews', 'again', 'hard', 'good', 'easy', 'minutes', 'new_cards', 'retention']);
    expect(parsed.data).toEqual([
      { date: '2026-03-02', reviews: '4', again: '1', hard: '0', good: '2', easy: '1', minutes: '0.31', new_cards: '3', retention: '' },
      { date: '2026-03-22', reviews: '2', again: '0', hard: '1', good: '1', easy: '0', minutes: '0.33', new_cards: '1', retention: '1.0000' },
    ]);
  });
});

describe('JSON export', () => {
  it('round trip gives identical statistics', async () => {
    const source = open();
    withHistory(source);
    source.app.handlers.updateSettings({ desiredRetention: 0.85, newPerDay: 15 });
    const text = await exportText(source, 'json');
    const target = open();
    target.clock.now = source.clock.now;
    const summary = await importText(target, text);
    expect(summary).toMatchObject({ decks: 2, cards: 10, reviews: 6, interviewSessions: 1 });
    for (const rangeDays of [30, 365] as const) {
      expect(getStats(target.app.context, { rangeDays })).toEqual(getStats(source.app.context, { rangeDays }));
    }
    expect(await exportText(target, 'review-log-csv')).toBe(await exportText(source, 'review-log-csv'));
    expect(await target.app.handlers.getSettings({})).toEqual(await source.app.handlers.getSettings({}));
    expect(getStats(target.app.context, { rangeDays: 30 }).interviews).toHaveLength(1);
  });

  it('import replaces earlier settings', async () => {
    const source = open();
    withHistory(source);
    const text = await exportText(source, 'json');
    const target = open();
    target.app.handlers.updateSettings({ desiredRetention: 0.8, theme: 'dark' });
    await importText(target, text);
    expect(await target.app.handlers.getSettings({})).toEqual(await source.app.handlers.getSettings({}));
  });

  it('import survives a reopen', async () => {
    const source = open();
    withHistory(source);
    const text = await exportText(source, 'json');
    const target = open();
    target.clock.now = source.clock.now;
    await importText(target, text);
    target.reopen();
    expect(getStats(target.app.context, { rangeDays: 30 })).toEqual(getStats(source.app.context, { rangeDays: 30 }));
  });

  it('answer during export stays out of it', async () => {
    const handle = open();
    withHistory(handle);
    const stream = openExport(handle.app.context, 'json');
    const iterator = stream.chunks[Symbol.asyncIterator]();
    let text = ((await iterator.next()).value as { text: string }).text;
    // The snapshot is taken before the first chunk, so this answer belongs to the next export.
    answerAt(handle, handle.clock.now, 'alpha-3', 3, 1000);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value.text;
    const tables = new Map(parseArrayBackup(text).tables);
    expect(tables.get('reviewLog')!.rows).toHaveLength(6);
    const states = tables.get('cardStates')!;
    const alpha3 = states.rows.findIndex((_, index) => getField(states, index, 'cardId') === 'alpha-3');
    expect(getField(states, alpha3, 'reps')).toBe(0);
    expect(readdirSync(handle.dataDir).filter((name) => name.includes('snapshot'))).toEqual([]);
  });

  it('carries format and schema version', async () => {
    const handle = open();
    const file = JSON.parse(await exportText(handle, 'json'));
    expect(file.format).toBe('rehearse-export');
    expect(file.schemaVersion).toBe(2);
    expect(Object.keys(file.tables)).toEqual(['settings', 'decks', 'cards', 'cardStates', 'reviewLog', 'interviewSessions', 'interviewAnswers']);
    expect(file.tables.settings.columns).toEqual(['key', 'value']);
    expect(file.tables.reviewLog.columns.slice(0, 4)).toEqual(['id', 'requestId', 'cardId', 'rating']);
  });

  it('import into a folder with progress is refused', async () => {
    const source = open();
    withHistory(source);
    const text = await exportText(source, 'json');
    const target = open();
    answerAt(target, START, 'alpha-3', 3);
    await expect(importText(target, text)).rejects.toThrow(ConflictError);
    await expect(importText(target, text)).rejects.toThrow(target.dataDir);
    const count = target.app.db.prepare('SELECT COUNT(*) AS count FROM review_log').get() as { count: number };
    expect(count.count).toBe(1);
  });

  it.each([
    ['not JSON', '{"format":', /not valid JSON/],
    ['wrong format', '{"format":"other"}', /"format" must be "rehearse-export"/],
    ['newer database', '{"format":"rehearse-export","schemaVersion":1,"databaseVersion":999,"tables":{}}', /newer Rehearse/],
    ['unknown table', '{"format":"rehearse-export","schemaVersion":1,"databaseVersion":1,"tables":{"notes":[]}}', /unknown table "notes"/],
    [
      'bad column type',
      '{"format":"rehearse-export","schemaVersion":1,"databaseVersion":1,"tables":{"settings":[{"key":"theme","value":7}]}}',
      /settings\[0\]\.value must be text/,
    ],
    [
      'unknown column',
      '{"format":"rehearse-export","schemaVersion":1,"databaseVersion":1,"tables":{"settings":[{"key":"theme","value":"\\"dark\\"","colour":1}]}}',
      /unknown field "colour"/,
    ],
    [
      'dangling card',
      '{"format":"rehearse-export","schemaVersion":1,"databaseVersion":1,"tables":{"cardStates":[{"cardId":"ghost","due":0,"stability":1,"difficulty":5,"elapsedDays":0,"scheduledDays":0,"learningSteps":0,"reps":1,"lapses":0,"state":2,"lastReview":0}]}}',
      /do not fit together/,
    ],
    ['database version zero', '{"format":"rehearse-export","schemaVersion":2,"databaseVersion":0,"tables":{}}', /"databaseVersion" must be a whole number from 1, not 0/],
    ['database version with a fraction', '{"format":"rehearse-export","schemaVersion":2,"databaseVersion":3.5,"tables":{}}', /"databaseVersion" must be a whole number from 1, not 3\.5/],
    ['database version missing', '{"format":"rehearse-export","schemaVersion":2,"tables":{}}', /"databaseVersion" must be a whole number from 1, not missing/],
    ['rows that are not a list', '{"format":"rehearse-export","schemaVersion":2,"databaseVersion":1,"tables":{"settings":{"columns":["key","value"],"rows":5}}}', /tables\.settings\.rows must be a list/],
    ['table that is text', '{"format":"rehearse-export","schemaVersion":2,"databaseVersion":1,"tables":{"settings":"none"}}', /tables\.settings must be a list of rows or an object with "columns" and "rows"/],
    ['version 2 row of the wrong width', '{"format":"rehearse-export","schemaVersion":2,"databaseVersion":1,"tables":{"settings":{"columns":["key","value"],"rows":[["theme"]]}}}', /settings\[0\] must be a list of 2 values/],
  ])('invalid backup: %s', async (_name, text, message) => {
    const handle = open();
    await expect(importText(handle, text)).rejects.toThrow(ValidationError);
    await expect(importText(handle, text)).rejects.toThrow(message);
  });
});

describe('HTML report', () => {
  it('is self-contained with every chart', async () => {
    const handle = open();
    withHistory(handle);
    const html = await exportText(handle, 'html');
    expect(html.match(/<svg /g)).toHaveLength(11);
    expect(html).toContain('Readiness per family');
    expect(html).toContain('Monitoring &amp; retraining');
    expect(html).not.toMatch(/\s(src|href)=/);
  });
});

describe('export file writing', () => {
  it('renames into place when complete', async () => {
    const handle = open();
    withHistory(handle);
    const folder = makeFolder();
    const path = join(folder, 'log.csv');
    const progress: number[] = [];
    const bytes = await writeExportFile(path, openExport(handle.app.context, 'review-log-csv'), (done) => progress.push(done));
    expect(readFileSync(path, 'utf8')).toBe(await exportText(handle, 'review-log-csv'));
    expect(bytes).toBe(readFileSync(path).length);
    expect(progress[progress.length - 1]).toBe(6);
    expect(readdirSync(folder)).toEqual(['log.csv']);
  });

  it('failure leaves no file behind', async () => {
    const folder = makeFolder();
    const path = join(folder, 'broken.json');
    const stream: ExportStream = {
      fileName: 'broken.json',
      contentType: 'application/json',
      totalRows: 2,
      chunks: (async function* () {
        yield { text: '{"partial":', rows: 1 };
        throw new Error('disk went away');
      })(),
    };
    await expect(writeExportFile(path, stream)).rejects.toThrow('disk went away');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { openExport } from '../../src/core/export/index.js';
import { importBackup, type ImportOptions } from '../../src/core/export/jsonImport.js';
import { getStats } from '../../src/core/stats/service.js';
import { basicDeckYaml, makeTempDir, openTempApp, type TempApp } from '../helpers/tempApp.js';
import { answerAt, DAY, HOUR, insertInterview } from './statsFixture.js';

const START = Date.parse('2026-03-02T12:00:00Z');
const DECKS = { 'alpha.yaml': basicDeckYaml('alpha', 6), 'beta.yaml': basicDeckYaml('beta', 4, 'monitoring-and-retraining') };
/** Forces the line-by-line reader's own errors, as for a backup too large to read whole. */
const LINES_ONLY: ImportOptions = { wholeFileMaxBytes: 0 };
const handles: TempApp[] = [];
const folders: { cleanup: () => void }[] = [];

afterEach(() => {
  for (const handle of handles.splice(0)) handle.cleanup();
  for (const folder of folders.splice(0)) folder.cleanup();
});

function open(): TempApp {
  const handle = openTempApp({ decks: DECKS, start: START });
  handles.push(handle);
  return handle;
}

/** Five answers over three weeks and one mock interview. */
function withHistory(handle: TempApp): void {
  answerAt(handle, START, 'alpha-1', 4, 4200);
  answerAt(handle, START + HOUR, 'alpha-2', 3, 3100);
  answerAt(handle, START + 2 * HOUR, 'beta-1', 1, 9000);
  answerAt(handle, START + 20 * DAY, 'alpha-1', 2, 5000);
  answerAt(handle, START + 20 * DAY + HOUR, 'beta-2', 3, 15_000, 'interview');
  insertInterview(handle, 'session-1', START + 20 * DAY + 2 * HOUR, [{ cardId: 'beta-2', keyPoints: 3, covered: 2, rating: 3 }]);
  handle.clock.now = START + 21 * DAY;
}

async function exportJson(handle: TempApp): Promise<string> {
  let text = '';
  for await (const chunk of openExport(handle.app.context, 'json').chunks) {
    text += typeof chunk.text === 'string' ? chunk.text : Buffer.from(chunk.text).toString('utf8');
  }
  return text;
}

async function sourceExport(): Promise<{ source: TempApp; text: string }> {
  const source = open();
  withHistory(source);
  source.app.handlers.updateSettings({ desiredRetention: 0.85 });
  return { source, text: await exportJson(source) };
}

function importText(handle: TempApp, text: string, options?: ImportOptions) {
  const folder = makeTempDir();
  folders.push(folder);
  const path = join(folder.path, 'backup.json');
  writeFileSync(path, text);
  return importBackup(handle.app.context, path, handle.dataDir, options);
}

/** Replaces the `index`-th line that contains `marker`. */
function editLine(text: string, marker: string, index: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const positions = lines.flatMap((line, position) => (line.includes(marker) ? [position] : []));
  const position = positions[index];
  if (position === undefined) throw new Error(`No line ${index} with ${marker} in the export.`);
  lines[position] = edit(lines[position]!);
  return lines.join('\n');
}

/** Marks the review-log lines: only they contain "requestId". */
const REVIEW = '"requestId"';

function count(handle: TempApp, table: string): number {
  return handle.app.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

function dayTotals(handle: TempApp): unknown[] {
  return handle.app.db.prepare('SELECT * FROM review_day_totals ORDER BY study_day').all();
}

function stagingFiles(handle: TempApp): string[] {
  return readdirSync(handle.dataDir).filter((name) => name.startsWith('.import-'));
}

describe('JSON import of good files', () => {
  it('restores the review-day totals', async () => {
    const { source, text } = await sourceExport();
    const target = open();
    await importText(target, text);
    expect(dayTotals(target)).toEqual(dayTotals(source));
    expect(dayTotals(target)).toHaveLength(2);
  });

  it.each([
    ['pretty-printed', (text: string) => JSON.stringify(JSON.parse(text), null, 2)],
    ['CRLF line endings', (text: string) => text.replaceAll('\n', '\r\n')],
    ['byte order mark', (text: string) => `\uFEFF${text}`],
    ['blank lines and indented rows', (text: string) => text.replaceAll('\n{', '\n\n   {')],
    ['fields out of order', (text: string) => editLine(text, REVIEW, 1, (line) => line.replace(/^\{("id":\d+),(.*)\},$/, '{$2,$1},'))],
    ['tables out of order', (text: string) => {
      const file = JSON.parse(text) as { tables: Record<string, unknown> };
      const reversed = Object.fromEntries(Object.entries(file.tables).reverse());
      return JSON.stringify({ ...file, tables: reversed });
    }],
  ])('imports %s', async (_name, edit) => {
    const { source, text } = await sourceExport();
    const target = open();
    target.clock.now = source.clock.now;
    const summary = await importText(target, edit(text));
    expect(summary).toEqual({ decks: 2, cards: 10, reviews: 5, interviewSessions: 1 });
    expect(getStats(target.app.context, { rangeDays: 30 })).toEqual(getStats(source.app.context, { rangeDays: 30 }));
    expect(target.app.handlers.getSettings({})).toEqual(source.app.handlers.getSettings({}));
    expect(stagingFiles(target)).toEqual([]);
  });

  it('imports empty tables', async () => {
    const source = open();
    const text = await exportJson(source);
    expect(text).toContain('"reviewLog":[],');
    expect(text).toContain('"interviewAnswers":[]\n}}');
    const target = open();
    const summary = await importText(target, text, LINES_ONLY);
    expect(summary).toEqual({ decks: 2, cards: 10, reviews: 0, interviewSessions: 0 });
  });

  it('fills defaults of left-out fields', async () => {
    const { text } = await sourceExport();
    const edited = editLine(text, '"tags":', 0, (line) => line.replace(/"tags":"[^"]*",/, '').replace(/"flag":0,/, '"flag":null,'));
    const target = open();
    await importText(target, edited, LINES_ONLY);
    const card = target.app.db.prepare("SELECT tags, flag FROM cards WHERE id = 'alpha-1'").get();
    expect(card).toEqual({ tags: '[]', flag: 0 });
  });

  it('keeps rows with ids of zero and below', async () => {
    const { text } = await sourceExport();
    const edited = editLine(text, REVIEW, 0, (line) => line.replace(/^\{"id":\d+,/, '{"id":-4,'));
    const target = open();
    await importText(target, edited, LINES_ONLY);
    const reexported = JSON.parse(await exportJson(target)) as { tables: { reviewLog: { id: number }[] } };
    expect(reexported.tables.reviewLog.map((row) => row.id)).toEqual([-4, 2, 3, 4, 5]);
  });
});

describe('JSON import of bad files', () => {
  it.each([
    ['cut off in the review log', (text: string) => text.slice(0, text.indexOf(REVIEW, text.indexOf(REVIEW) + 1) + 40), /line \d+ is not valid JSON \(Unexpected end of JSON input\)/],
    ['cut off after a row', (text: string) => text.slice(0, text.indexOf('\n', text.indexOf(REVIEW)) + 1), /file ends before its closing "}}": it may be cut off/],
    ['wrong type mid-log', (text: string) => editLine(text, REVIEW, 2, (line) => line.replace('"rating":1', '"rating":"1"')), /reviewLog\[2\]\.rating must be a whole number, not "1"/],
    ['rating out of range', (text: string) => editLine(text, REVIEW, 2, (line) => line.replace('"rating":1', '"rating":7')), /reviewLog\[2\] breaks a rule of its table \(CHECK constraint failed: rating BETWEEN 1 AND 4\)/],
    ['repeated request id', (text: string) => editLine(text, REVIEW, 3, (line) => line.replace(/"requestId":"[^"]*"/, /"requestId":"[^"]*"/.exec(text)![0])), /reviewLog\[3\] breaks a rule of its table \(UNIQUE constraint failed: review_log\.request_id\)/],
    ['missing field', (text: string) => editLine(text, REVIEW, 1, (line) => line.replace(/"requestId":"[^"]*",/, '')), /reviewLog\[1\]\.requestId is missing/],
    ['unknown field', (text: string) => editLine(text, '"cardId":"alpha-2","due"', 0, (line) => line.replace('{', '{"colour":1,')), /cardStates\[1\] has an unknown field "colour"/],
    ['unknown table', (text: string) => text.replace('"tables":{\n', '"tables":{\n"notes":[],\n'), /unknown table "notes"/],
    ['table twice', (text: string) => text.replace('"decks":[', '"settings":[],\n"decks":['), /the table "settings" appears twice/],
    ['row that is not an object', (text: string) => editLine(text, REVIEW, 0, () => '42,'), /reviewLog\[0\] must be an object/],
    ['card missing from the file', (text: string) => editLine(text, REVIEW, 4, (line) => line.replace('"cardId":"beta-2"', '"cardId":"ghost"')), /do not fit together \(reviewLog refers to cards "ghost" through card_id/],
    ['wrong schema version', (text: string) => text.replace('"schemaVersion":1', '"schemaVersion":2'), /schema version 2 is not 1/],
    ['newer database', (text: string) => text.replace(/"databaseVersion":\d+/, '"databaseVersion":99'), /newer Rehearse \(database version 99\)/],
    ['text after the end', (text: string) => `${text}{}\n`, /follows the closing "}}"/],
  ])('rejects %s, leaving the folder as it was', async (_name, edit, message) => {
    const { text } = await sourceExport();
    const target = open();
    target.app.handlers.updateSettings({ theme: 'dark' });
    const settings = target.app.handlers.getSettings({});
    const cards = target.app.db.prepare('SELECT * FROM cards ORDER BY id').all();
    const error = await importText(target, edit(text), LINES_ONLY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(count(target, 'review_log')).toBe(0);
    expect(count(target, 'interview_sessions')).toBe(0);
    expect(dayTotals(target)).toEqual([]);
    expect(target.app.handlers.getSettings({})).toEqual(settings);
    expect(target.app.db.prepare('SELECT * FROM cards ORDER BY id').all()).toEqual(cards);
    expect(stagingFiles(target)).toEqual([]);
    expect(target.app.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('bad row in a full batch is named', async () => {
    const source = open();
    for (let answer = 0; answer < 60; answer += 1) answerAt(source, START + answer * HOUR, `alpha-${(answer % 6) + 1}`, 3);
    const text = editLine(await exportJson(source), REVIEW, 37, (line) => line.replace('"rating":3', '"rating":0'));
    const target = open();
    await expect(importText(target, text)).rejects.toThrow(/reviewLog\[37\] breaks a rule of its table \(CHECK constraint failed: rating BETWEEN 1 AND 4\)/);
    expect(count(target, 'review_log')).toBe(0);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('small file outside the layout falls back to JSON.parse', async () => {
    const { text } = await sourceExport();
    const pretty = JSON.stringify(JSON.parse(text), null, 2).replace('"rating": 1', '"rating": 1.5');
    const target = open();
    await expect(importText(target, pretty)).rejects.toThrow(/reviewLog\[2\]\.rating must be a whole number, not 1\.5/);
    await expect(importText(target, pretty.slice(0, 500))).rejects.toThrow(/it is not valid JSON/);
  });

  it('large file outside the layout is refused', async () => {
    const { text } = await sourceExport();
    const target = open();
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    await expect(importText(target, pretty, LINES_ONLY)).rejects.toThrow(/line 1 is not the header line.*must keep the layout Rehearse writes, one row per line/);
  });

  it('missing file is a validation error', async () => {
    const target = open();
    const path = join(target.dataDir, 'nowhere.json');
    await expect(importBackup(target.app.context, path, target.dataDir)).rejects.toThrow(`The backup file ${path} does not exist`);
  });
});

describe('JSON import runs', () => {
  it('second import at once is a conflict', async () => {
    const { text } = await sourceExport();
    const target = open();
    const first = importText(target, text);
    await expect(importText(target, text)).rejects.toThrow(ConflictError);
    await first;
    expect(count(target, 'review_log')).toBe(5);
  });

  it('leftover staging file is deleted', async () => {
    const { text } = await sourceExport();
    const target = open();
    writeFileSync(join(target.dataDir, '.import-staging-1-abcdef.db'), 'left by a crash');
    writeFileSync(join(target.dataDir, '.import-staging-1-abcdef.db-journal'), 'left by a crash');
    await importText(target, text);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('answer recorded during the import stops it', async () => {
    const { text } = await sourceExport();
    const target = open();
    const running = importText(target, text);
    answerAt(target, START, 'alpha-3', 3);
    await expect(running).rejects.toThrow(ConflictError);
    expect(count(target, 'review_log')).toBe(1);
    expect(stagingFiles(target)).toEqual([]);
  });
});

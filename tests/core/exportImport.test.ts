import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browseRequest } from '../../src/core/api/browse.js';
import { browseCards } from '../../src/core/browse/list.js';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { importBackup, type ImportOptions } from '../../src/core/export/jsonImport.js';
import { getStudyStep } from '../../src/core/review/service.js';
import { getStats } from '../../src/core/stats/service.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { basicDeckYaml, type TempApp } from '../helpers/tempApp.js';
import { exportText, START, useExportTestFolders, withHistory } from './exportFixture.js';
import { dropColumn, editTable, getField, parseArrayBackup, setField, toLayoutV1, type ArrayTable } from './exportLayouts.js';
import { answerAt, HOUR } from './statsFixture.js';

/** Forces the line-by-line reader's own errors, as for a backup too large to read whole. */
const LINES_ONLY: ImportOptions = { wholeFileMaxBytes: 0 };
const { open, importText } = useExportTestFolders();

function exportJson(handle: TempApp): Promise<string> {
  return exportText(handle, 'json');
}

async function sourceExport(): Promise<{ source: TempApp; text: string }> {
  const source = open();
  withHistory(source);
  source.app.handlers.updateSettings({ desiredRetention: 0.85 });
  return { source, text: await exportJson(source) };
}

/** Returns a version 2 export with row `index` of table `key` changed by `edit`, given the row as an object. */
function editArrayRow(text: string, key: string, index: number, edit: (row: Record<string, unknown>) => void): string {
  return editTable(text, key, (table) => {
    const row = Object.fromEntries(table.columns.map((name) => [name, getField(table, index, name)]));
    edit(row);
    table.rows[index] = table.columns.map((name) => row[name]);
  });
}

/** Reorders the columns of a version 2 table, last first, with the values of every row. */
function reverseColumns(table: ArrayTable): void {
  table.columns.reverse();
  for (const row of table.rows) row.reverse();
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

/** Parses the `index`-th row line that contains `marker`, lets `edit` change the row and writes it back. */
function editRow(text: string, marker: string, index: number, edit: (row: Record<string, unknown>) => void): string {
  return editLine(text, marker, index, (line) => {
    const end = line.lastIndexOf('}') + 1;
    const row = JSON.parse(line.slice(0, end)) as Record<string, unknown>;
    edit(row);
    return `${JSON.stringify(row)}${line.slice(end)}`;
  });
}

/** Inserts a copy of the `index`-th row line with `marker` before the `before`-th one, so the copy takes position `before`. */
function copyRow(text: string, marker: string, index: number, before: number): string {
  const lines = text.split('\n');
  const positions = lines.flatMap((line, position) => (line.includes(marker) ? [position] : []));
  const copied = lines[positions[index]!]!;
  lines.splice(positions[before]!, 0, `${copied.slice(0, copied.lastIndexOf('}') + 1)},`);
  return lines.join('\n');
}

/** Edits the stored content of the first card (alpha-1, a basic card) as an object. */
function editContent(edit: (content: Record<string, unknown>) => void) {
  return (text: string) =>
    editRow(text, CARD, 0, (row) => {
      const content = JSON.parse(row.content as string) as Record<string, unknown>;
      edit(content);
      row.content = JSON.stringify(content);
    });
}

/** Marks the review-log lines of a version 1 file: only they contain "requestId". */
const REVIEW = '"requestId"';
/** Marks the lines of the other tables by a field only their rows have. */
const DECK = '"contentHash"';
const CARD = '"deckId"';
const CARD_STATE = '"scheduledDays"';
const SESSION = '"reviewMode"';
const ANSWER = '"keyPoints"';
const SETTING = '"key":';

/** What review_day_totals must hold: the sums taken straight from the log. */
const REFERENCE_TOTALS = `SELECT study_day, COUNT(*) AS answers, SUM(rating = 1) AS again, SUM(rating = 2) AS hard,
    SUM(rating = 3) AS good, SUM(rating = 4) AS easy, SUM(duration_ms) AS duration_ms,
    SUM(before_state = 0) AS new_cards, SUM(before_state = 2) AS review_cards,
    SUM(before_state = 2 AND rating > 1) AS passed
  FROM review_log GROUP BY study_day ORDER BY study_day`;

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

  it('review-day totals match the imported log', async () => {
    const source = open();
    const ratings = [1, 2, 3, 4, 3, 3, 1, 4, 2, 3] as const;
    // Three answers a day over ten days: new, learning and review cards, every rating.
    for (let answer = 0; answer < 30; answer += 1) {
      answerAt(source, START + Math.floor(answer / 3) * 26 * HOUR + (answer % 3) * 60_000, `alpha-${(answer % 6) + 1}`, ratings[answer % 10]!, 1000 + answer);
    }
    const text = await exportJson(source);
    const target = open();
    await importText(target, text);
    const reference = target.app.db.prepare(REFERENCE_TOTALS).all();
    expect(reference).toHaveLength(10);
    expect(dayTotals(target)).toEqual(reference);
    answerAt(target, START + 11 * 26 * HOUR, 'beta-1', 3, 700);
    expect(dayTotals(target)).toEqual(target.app.db.prepare(REFERENCE_TOTALS).all());
  });

  it('summary counts the stored rows', async () => {
    const { text } = await sourceExport();
    const target = open();
    const summary = await importText(target, text);
    expect(summary.reviews).toBe(count(target, 'review_log'));
    expect(summary.interviewSessions).toBe(count(target, 'interview_sessions'));
    expect(summary.decks).toBe(count(target, 'decks'));
    expect(summary.cards).toBe(count(target, 'cards'));
  });

  it('damaged card content leaves app working', async () => {
    const { text } = await sourceExport();
    const target = open();
    const damaged = editTable(text, 'cards', (table) => setField(table, 0, 'content', 'not json'));
    await expect(importText(target, damaged)).rejects.toThrow(/cards\[0\]\.content is not valid JSON/);
    for (const reopen of [false, true]) {
      if (reopen) target.reopen();
      const page = browseCards(target.app.context, browseRequest.parse({}));
      expect(page.rows.map((row) => row.id)).toContain('alpha-1');
      expect(getStudyStep(target.app.context, null).card?.content).toMatchObject({ kind: 'basic', front: 'Question 1 of alpha?' });
    }
  });

  it.each([
    ['pretty-printed', (text: string) => JSON.stringify(JSON.parse(text), null, 2)],
    ['CRLF line endings', (text: string) => text.replaceAll('\n', '\r\n')],
    ['byte order mark', (text: string) => `\uFEFF${text}`],
    ['blank lines and indented rows', (text: string) => text.replaceAll('\n[', '\n\n   [')],
    ['columns out of order', (text: string) => editTable(text, 'reviewLog', reverseColumns)],
    ['columns out of order, pretty-printed', (text: string) => JSON.stringify(JSON.parse(editTable(text, 'cards', reverseColumns)), null, 2)],
    ['version 1 layout', toLayoutV1],
    ['version 1 layout, pretty-printed', (text: string) => JSON.stringify(JSON.parse(toLayoutV1(text)), null, 2)],
    ['version 1 layout, CRLF and indented rows', (text: string) => toLayoutV1(text).replaceAll('\n{', '\n\n   {').replaceAll('\n', '\r\n')],
    ['version 1 fields out of order', (text: string) => editLine(toLayoutV1(text), REVIEW, 1, (line) => line.replace(/^\{("id":\d+),(.*)\},$/, '{$2,$1},'))],
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
    expect(summary).toMatchObject({ decks: 2, cards: 10, reviews: 6, interviewSessions: 1 });
    expect(getStats(target.app.context, { rangeDays: 30 })).toEqual(getStats(source.app.context, { rangeDays: 30 }));
    expect(await target.app.handlers.getSettings({})).toEqual(await source.app.handlers.getSettings({}));
    expect(stagingFiles(target)).toEqual([]);
  });

  it('imports empty tables', async () => {
    const source = open();
    const text = await exportJson(source);
    expect(text).toMatch(/\n"reviewLog":\{"columns":\["id","requestId",[^\]]*\],"rows":\[\]\},\n/);
    expect(text).toMatch(/\n"interviewAnswers":\{"columns":\[[^\]]*\],"rows":\[\]\}\n\}\}\n$/);
    for (const layout of [text, toLayoutV1(text)]) {
      const target = open();
      const summary = await importText(target, layout, LINES_ONLY);
      expect(summary).toMatchObject({ decks: 2, cards: 10, reviews: 0, interviewSessions: 0 });
    }
  });

  it.each([
    ['left-out column', (text: string) => editTable(text, 'cards', (table) => {
      dropColumn(table, 'tags');
      setField(table, 0, 'flag', null);
    })],
    ['version 1 left-out field', (text: string) => editLine(toLayoutV1(text), '"tags":', 0, (line) => line.replace(/"tags":"[^"]*",/, '').replace(/"flag":0,/, '"flag":null,'))],
  ])('fills defaults of a %s', async (_name, edit) => {
    const { text } = await sourceExport();
    const target = open();
    await importText(target, edit(text), LINES_ONLY);
    const card = target.app.db.prepare("SELECT tags, flag FROM cards WHERE id = 'alpha-1'").get();
    expect(card).toEqual({ tags: '[]', flag: 0 });
  });

  it('keeps rows with ids of zero and below', async () => {
    const { text } = await sourceExport();
    const edited = editTable(text, 'reviewLog', (table) => setField(table, 0, 'id', -4));
    const target = open();
    await importText(target, edited, LINES_ONLY);
    const reexported = parseArrayBackup(await exportJson(target)).tables.find(([key]) => key === 'reviewLog')![1];
    expect(reexported.rows.map((_, index) => getField(reexported, index, 'id'))).toEqual([-4, 2, 3, 4, 5, 6]);
  });
});

describe('JSON import of bad files', () => {
  it.each([
    ['cut off in the review log', (text: string) => text.slice(0, text.indexOf('\n["', text.indexOf('"reviewLog"')) + 40), /line \d+ is not valid JSON \(/],
    ['wrong type mid-log', (text: string) => editArrayRow(text, 'reviewLog', 3, (row) => { row.rating = '1'; }), /reviewLog\[3\]\.rating must be a whole number, not "1"/],
    ['rating out of range', (text: string) => editArrayRow(text, 'reviewLog', 3, (row) => { row.rating = 7; }), /reviewLog\[3\] breaks a rule of its table \(CHECK constraint failed: rating BETWEEN 1 AND 4\)/],
    ['repeated request id', (text: string) => editTable(text, 'reviewLog', (table) => setField(table, 3, 'requestId', getField(table, 0, 'requestId'))), /reviewLog\[0\] and reviewLog\[3\] have the same requestId \("stats-fixture-\d+"\)/],
    ['missing value', (text: string) => editArrayRow(text, 'reviewLog', 1, (row) => { row.requestId = null; }), /reviewLog\[1\]\.requestId is missing/],
    ['row with a value too few', (text: string) => editTable(text, 'reviewLog', (table) => table.rows[2]!.pop()), /reviewLog\[2\] must be a list of 28 values, one for each of tables\.reviewLog\.columns/],
    ['row that is an object', (text: string) => editTable(text, 'decks', (table) => { table.rows[1] = { id: 'beta' } as unknown as unknown[]; }), /decks\[1\] must be a list of \d+ values/],
    ['unknown column', (text: string) => editTable(text, 'cardStates', (table) => {
      table.columns.push('colour');
      for (const row of table.rows) row.push(1);
    }), /tables\.cardStates\.columns has an unknown field "colour"/],
    ['column listed twice', (text: string) => editTable(text, 'decks', (table) => {
      table.columns[1] = 'id';
    }), /tables\.decks\.columns lists "id" twice/],
    ['columns that are not names', (text: string) => editTable(text, 'decks', (table) => {
      table.columns[1] = 7 as unknown as string;
    }), /tables\.decks\.columns must be a list of field names/],
    ['table without rows', (text: string) => text.replace(/"interviewAnswers":\{"columns":(\[[^\]]*\]),"rows":\[/, '"interviewAnswers":{"columns":$1,"lines":['), /starts a table without "rows":\[/],
    ['version 1 table in a version 2 file', (text: string) => text.replace(/"settings":\{"columns":\[[^\]]*\],"rows":\[/, '"settings":['), /tables\.settings must be an object with "columns" and "rows" in a schema version 2 file/],
    ['version 2 tables in a version 1 file', (text: string) => text.replace('"schemaVersion":2', '"schemaVersion":1'), /tables\.settings must be a list of row objects in a schema version 1 file/],
    ['unknown schema version', (text: string) => text.replace('"schemaVersion":2', '"schemaVersion":3'), /schema version 3 is not one this version reads \(1 or 2\)/],
    ['card content that is not JSON', (text: string) => editArrayRow(text, 'cards', 0, (row) => { row.content = 'not json'; }), /cards\[0\]\.content is not valid JSON \(/],
    ['review-log row twice', (text: string) => editTable(text, 'reviewLog', (table) => table.rows.splice(4, 0, [...table.rows[1]!])), /reviewLog\[1\] and reviewLog\[4\] have the same id \(2\)/],
    ['card missing from the file', (text: string) => editArrayRow(text, 'reviewLog', 5, (row) => { row.cardId = 'ghost'; }), /do not fit together \(reviewLog refers to cards "ghost" through card_id/],
    ['text after the end', (text: string) => `${text}[]\n`, /follows the closing "}}"/],
  ])('rejects %s, leaving the folder as it was', async (_name, edit, message) => {
    await expectRejectedUnchanged(edit, message);
  });

  it.each([
    ['cut off in the review log', (text: string) => text.slice(0, text.indexOf(REVIEW, text.indexOf(REVIEW) + 1) + 40), /line \d+ is not valid JSON \(/],
    ['cut off after a row', (text: string) => text.slice(0, text.indexOf('\n', text.indexOf(REVIEW)) + 1), /file ends before its closing "}}": it may be cut off/],
    ['wrong type mid-log', (text: string) => editLine(text, REVIEW, 3, (line) => line.replace('"rating":1', '"rating":"1"')), /reviewLog\[3\]\.rating must be a whole number, not "1"/],
    ['rating out of range', (text: string) => editLine(text, REVIEW, 3, (line) => line.replace('"rating":1', '"rating":7')), /reviewLog\[3\] breaks a rule of its table \(CHECK constraint failed: rating BETWEEN 1 AND 4\)/],
    ['repeated request id', (text: string) => editLine(text, REVIEW, 3, (line) => line.replace(/"requestId":"[^"]*"/, /"requestId":"[^"]*"/.exec(text)![0])), /reviewLog\[0\] and reviewLog\[3\] have the same requestId \("stats-fixture-\d+"\)/],
    ['missing field', (text: string) => editLine(text, REVIEW, 1, (line) => line.replace(/"requestId":"[^"]*",/, '')), /reviewLog\[1\]\.requestId is missing/],
    ['unknown field', (text: string) => editLine(text, '"cardId":"alpha-2","due"', 0, (line) => line.replace('{', '{"colour":1,')), /cardStates\[1\] has an unknown field "colour"/],
    ['unknown table', (text: string) => text.replace('"tables":{\n', '"tables":{\n"notes":[],\n'), /unknown table "notes"/],
    ['table twice', (text: string) => text.replace('"decks":[', '"settings":[],\n"decks":['), /the table "settings" appears twice/],
    ['row that is not an object', (text: string) => editLine(text, REVIEW, 0, () => '42,'), /reviewLog\[0\] must be an object/],
    ['card missing from the file', (text: string) => editLine(text, REVIEW, 5, (line) => line.replace('"cardId":"beta-2"', '"cardId":"ghost"')), /do not fit together \(reviewLog refers to cards "ghost" through card_id/],
    ['unknown schema version', (text: string) => text.replace('"schemaVersion":1', '"schemaVersion":0'), /schema version 0 is not one this version reads \(1 or 2\)/],
    ['newer database', (text: string) => text.replace(/"databaseVersion":\d+/, '"databaseVersion":99'), /newer Rehearse \(database version 99\)/],
    ['text after the end', (text: string) => `${text}{}\n`, /follows the closing "}}"/],
    ['card content that is not JSON', (text: string) => editRow(text, CARD, 0, (row) => { row.content = 'not json'; }), /cards\[0\]\.content is not valid JSON \(/],
    ['card content that is a list', (text: string) => editRow(text, CARD, 0, (row) => { row.content = '[]'; }), /cards\[0\]\.content must be an object/],
    ['card content without its front', editContent((content) => { delete content.front; }), /cards\[0\]\.content\.front must be text/],
    ['card content of another kind', editContent((content) => { content.kind = 'interview'; }), /cards\[0\]\.content\.kind is "interview", but the card's kind is "basic"/],
    ['card content of an unknown kind', editContent((content) => { content.kind = 'cloze'; }), /cards\[0\]\.content\.kind must be "basic" or "interview"/],
    ['source link that is not https', editContent((content) => { content.sources = [{ title: 'x', url: 'javascript:alert(1)' }]; }), /cards\[0\]\.content\.sources\[0\]\.url must start with https:\/\//],
    ['tags that are not JSON', (text: string) => editRow(text, CARD, 0, (row) => { row.tags = 'oops'; }), /cards\[0\]\.tags is not valid JSON/],
    ['tags that are not text', (text: string) => editRow(text, CARD, 0, (row) => { row.tags = '["ok",1]'; }), /cards\[0\]\.tags\[1\] must be text/],
    ['unknown card family', (text: string) => editRow(text, CARD, 0, (row) => { row.family = 'astrology'; }), /cards\[0\]\.family must be one of system-design, .*, not "astrology"/],
    ['unknown deck family', (text: string) => editRow(text, DECK, 1, (row) => { row.family = 'astrology'; }), /decks\[1\]\.family must be one of system-design, .*, not "astrology"/],
    ['basic card with a style', (text: string) => editRow(text, CARD, 0, (row) => { row.style = 'rapid'; }), /cards\[0\]\.style must be null for a basic card, not "rapid"/],
    ['state before an answer out of range', (text: string) => editRow(text, REVIEW, 0, (row) => { row.beforeState = 9; }), /reviewLog\[0\]\.beforeState must be 0 \(new\), 1 \(learning\), 2 \(review\) or 3 \(relearning\), not 9/],
    ['state after an answer out of range', (text: string) => editRow(text, REVIEW, 4, (row) => { row.afterState = -1; }), /reviewLog\[4\]\.afterState must be 0 \(new\), 1 \(learning\), 2 \(review\) or 3 \(relearning\), not -1/],
    ['negative repetitions', (text: string) => editRow(text, CARD_STATE, 0, (row) => { row.reps = -1; }), /cardStates\[0\]\.reps must be at least 0, not -1/],
    ['difficulty above 10', (text: string) => editRow(text, REVIEW, 1, (row) => { row.afterDifficulty = 11; }), /reviewLog\[1\]\.afterDifficulty must be from 0 to 10, not 11/],
    ['session options that are not an object', (text: string) => editRow(text, SESSION, 0, (row) => { row.options = '[1]'; }), /interviewSessions\[0\]\.options must be a JSON object, not \[1\]/],
    ['key points that are not JSON', (text: string) => editRow(text, ANSWER, 0, (row) => { row.keyPoints = 'x'; }), /interviewAnswers\[0\]\.keyPoints is not valid JSON/],
    ['key point without phrases', (text: string) => editRow(text, ANSWER, 0, (row) => { row.keyPoints = '[{"point":"Caching"}]'; }), /interviewAnswers\[0\]\.keyPoints\[0\]\.phrases must be a list/],
    ['covered point out of range', (text: string) => editRow(text, ANSWER, 0, (row) => { row.coveredPoints = '[0,7]'; }), /interviewAnswers\[0\]\.coveredPoints\[1\] must be the index of one of the 3 key points \(0 to 2\), not 7/],
    ['matched points that are not a list', (text: string) => editRow(text, ANSWER, 0, (row) => { row.matchedPoints = '{}'; }), /interviewAnswers\[0\]\.matchedPoints must be a list/],
    ['setting that is not JSON', (text: string) => editRow(text, SETTING, 0, (row) => { row.value = 'dark'; }), /settings\[0\]\.value is not valid JSON/],
    ['retention that is not a number', (text: string) => editRow(text, SETTING, 0, (row) => { row.value = '"banana"'; }), /settings\[0\]\.value "banana" is not valid for desiredRetention: Desired retention must be a number \(allowed: a number from 0\.7 to 0\.99\)/],
    ['negative new cards per day', (text: string) => editRow(text, SETTING, 0, (row) => { row.key = 'newPerDay'; row.value = '-5'; }), /settings\[0\]\.value -5 is not valid for newPerDay: New cards per day must be at least 0 \(allowed: a whole number from 0 to 9999\)/],
    ['unknown theme', (text: string) => editRow(text, SETTING, 0, (row) => { row.key = 'theme'; row.value = '"pink"'; }), /settings\[0\]\.value "pink" is not valid for theme: Theme must be light, dark or system/],
    ['setting row twice', (text: string) => copyRow(text, SETTING, 0, 0), /settings\[0\] and settings\[1\] have the same key \("desiredRetention"\)/],
    ['deck row twice', (text: string) => copyRow(text, DECK, 0, 1), /decks\[0\] and decks\[1\] have the same id \("alpha"\)/],
    ['card row twice', (text: string) => copyRow(text, CARD, 0, 2), /cards\[0\] and cards\[2\] have the same id \("alpha-1"\)/],
    ['card state twice', (text: string) => copyRow(text, CARD_STATE, 3, 5), /cardStates\[3\] and cardStates\[5\] have the same cardId \("alpha-4"\)/],
    ['review-log row twice', (text: string) => copyRow(text, REVIEW, 1, 4), /reviewLog\[1\] and reviewLog\[4\] have the same id \(2\)/],
    ['session row twice', (text: string) => copyRow(text, SESSION, 0, 0), /interviewSessions\[0\] and interviewSessions\[1\] have the same id \("session-1"\)/],
    ['answer row twice', (text: string) => copyRow(text, ANSWER, 0, 0), /interviewAnswers\[0\] and interviewAnswers\[1\] have the same sessionId and position \("session-1", 0\)/],
  ])('rejects %s in a version 1 file', async (_name, edit, message) => {
    await expectRejectedUnchanged((text) => edit(toLayoutV1(text)), message);
  });

  /** Imports the edited export into a folder with settings of its own, and checks that the import failed and changed nothing. */
  async function expectRejectedUnchanged(edit: (text: string) => string, message: RegExp): Promise<void> {
    const { text } = await sourceExport();
    const target = open();
    target.app.handlers.updateSettings({ theme: 'dark' });
    const settings = await target.app.handlers.getSettings({});
    const cards = target.app.db.prepare('SELECT * FROM cards ORDER BY id').all();
    const error = await importText(target, edit(text), LINES_ONLY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(count(target, 'review_log')).toBe(0);
    expect(count(target, 'interview_sessions')).toBe(0);
    expect(dayTotals(target)).toEqual([]);
    expect(await target.app.handlers.getSettings({})).toEqual(settings);
    expect(target.app.db.prepare('SELECT * FROM cards ORDER BY id').all()).toEqual(cards);
    expect(stagingFiles(target)).toEqual([]);
    expect(target.app.db.pragma('foreign_keys', { simple: true })).toBe(1);
  }

  it('bad row in a full batch is named', async () => {
    const source = open();
    for (let answer = 0; answer < 60; answer += 1) answerAt(source, START + answer * HOUR, `alpha-${(answer % 6) + 1}`, 3);
    const text = editTable(await exportJson(source), 'reviewLog', (table) => setField(table, 37, 'rating', 0));
    const target = open();
    await expect(importText(target, text)).rejects.toThrow(/reviewLog\[37\] breaks a rule of its table \(CHECK constraint failed: rating BETWEEN 1 AND 4\)/);
    expect(count(target, 'review_log')).toBe(0);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('small file outside the layout falls back to JSON.parse', async () => {
    const { text } = await sourceExport();
    const pretty = JSON.stringify(JSON.parse(editTable(text, 'reviewLog', (table) => setField(table, 3, 'rating', 1.5))), null, 2);
    const target = open();
    await expect(importText(target, pretty)).rejects.toThrow(/reviewLog\[3\]\.rating must be a whole number, not 1\.5/);
    await expect(importText(target, pretty.slice(0, 500))).rejects.toThrow(/line 1 is not the header line .*, and the file as a whole is not valid JSON \(/);
  });

  it('small cut-off file names its line', async () => {
    const { text } = await sourceExport();
    const target = open();
    const cut = text.slice(0, text.indexOf('\n', text.indexOf('"reviewLog"')) + 30);
    await expect(importText(target, cut)).rejects.toThrow(
      /line \d+ is not valid JSON \(.*\), and the file as a whole is not valid JSON \(.*\): it may be cut off or edited\. Export the backup again\./,
    );
    expect(count(target, 'review_log')).toBe(0);
  });

  it('repeated row in a pretty-printed file is named', async () => {
    const { text } = await sourceExport();
    const pretty = JSON.stringify(JSON.parse(editTable(text, 'reviewLog', (table) => table.rows.push([...table.rows[2]!]))), null, 2);
    const target = open();
    await expect(importText(target, pretty)).rejects.toThrow(/reviewLog\[2\] and reviewLog\[6\] have the same id \(3\)/);
    expect(count(target, 'review_log')).toBe(0);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('repeated row in a pretty-printed version 1 file is named', async () => {
    const { text } = await sourceExport();
    const file = JSON.parse(toLayoutV1(text)) as { tables: { reviewLog: Record<string, unknown>[] } };
    const log = file.tables.reviewLog;
    // Fields in another order, so the search for the earlier row matches by name.
    log.push(Object.fromEntries(Object.entries(log[2]!).reverse()));
    const target = open();
    await expect(importText(target, JSON.stringify(file, null, 2))).rejects.toThrow(/reviewLog\[2\] and reviewLog\[6\] have the same id \(3\)/);
    expect(count(target, 'review_log')).toBe(0);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('repeated request id in a pretty-printed file is named', async () => {
    const { text } = await sourceExport();
    const edited = editTable(text, 'reviewLog', (table) => setField(table, 5, 'requestId', getField(table, 1, 'requestId')));
    const target = open();
    await expect(importText(target, JSON.stringify(JSON.parse(edited), null, 2))).rejects.toThrow(
      /reviewLog\[1\] and reviewLog\[5\] have the same requestId \("stats-fixture-\d+"\)/,
    );
    expect(count(target, 'review_log')).toBe(0);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('large file outside the layout is refused', async () => {
    const { text } = await sourceExport();
    const target = open();
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    await expect(importText(target, pretty, LINES_ONLY)).rejects.toThrow(/line 1 is not the header line.*must keep the layout Rehearse writes, one row per line/);
  });

  it('minified file stops at the line limit', async () => {
    const { text } = await sourceExport();
    const target = open();
    const minified = JSON.stringify(JSON.parse(text));
    expect(minified.length).toBeGreaterThan(4_000);
    // A small line limit in place of 64 MiB: the reader gives up at the limit instead of gathering the whole file.
    const error = await importText(target, minified, { ...LINES_ONLY, maxLineBytes: 1_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/line 1 is longer than 1000 bytes\. A backup larger than 0 MB must keep the layout/);
    expect(count(target, 'review_log')).toBe(0);
  });

  it('minified small file is read whole', async () => {
    const { text } = await sourceExport();
    const target = open();
    const summary = await importText(target, JSON.stringify(JSON.parse(text)), { maxLineBytes: 1_000 });
    expect(summary.reviews).toBe(6);
  });

  it('missing file is a validation error', async () => {
    const target = open();
    const path = join(target.dataDir, 'nowhere.json');
    await expect(importBackup(target.app, path)).rejects.toThrow(`The backup file ${path} does not exist`);
  });
});

describe('JSON import replaces the database file', () => {
  const schema = (handle: TempApp) => handle.app.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").all();

  it('gives the schema of a fresh folder', async () => {
    const { text } = await sourceExport();
    const target = open();
    const fresh = schema(target);
    await importText(target, text);
    expect(schema(target)).toEqual(fresh);
    expect(target.app.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(target.app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(target.app.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(target.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps cards of a deck the backup lacks', async () => {
    const { text } = await sourceExport();
    const target = open({ 'gamma.yaml': basicDeckYaml('gamma', 3) });
    await importText(target, text);
    const cards = target.app.db.prepare("SELECT c.id, s.state FROM cards c JOIN card_state s ON s.card_id = c.id WHERE c.deck_id = 'gamma' ORDER BY c.id").all();
    expect(cards).toEqual([
      { id: 'gamma-1', state: 0 },
      { id: 'gamma-2', state: 0 },
      { id: 'gamma-3', state: 0 },
    ]);
    expect(count(target, 'cards')).toBe(13);
    target.reopen();
    expect(getStudyStep(target.app.context, 'gamma').card?.id).toMatch(/^gamma-/);
  });

  it('backs up the folder before the swap', async () => {
    const { text } = await sourceExport();
    const target = open();
    target.app.handlers.updateSettings({ theme: 'dark' });
    const running = target.app.backups.backupNow('on-request');
    const summary = await importText(target, text);
    await expect(running).resolves.toMatchObject({ reason: 'on-request' });
    expect(summary.reviews).toBe(6);
    expect((await target.app.handlers.getSettings({})).theme).toBe('system');
    const safety = target.app.backups.list().filter((entry) => entry.reason === 'before-import');
    expect(safety).toHaveLength(1);
    await target.app.handlers.restoreBackup({ name: safety[0]!.name });
    expect((await target.app.handlers.getSettings({})).theme).toBe('dark');
    expect(count(target, 'review_log')).toBe(0);
  });
});

describe('JSON import runs', () => {
  it('second import at once is a conflict', async () => {
    const { text } = await sourceExport();
    const target = open();
    const first = importText(target, text);
    await expect(importText(target, text)).rejects.toThrow(ConflictError);
    await first;
    expect(count(target, 'review_log')).toBe(6);
  });

  it('leftover staging file is deleted', async () => {
    const { text } = await sourceExport();
    const target = open();
    writeFileSync(join(target.dataDir, '.import-staging-1-abcdef.db'), 'left by a crash');
    writeFileSync(join(target.dataDir, '.import-staging-1-abcdef.db-journal'), 'left by a crash');
    await importText(target, text);
    expect(stagingFiles(target)).toEqual([]);
  });

  it('leftover staging file is deleted at start-up', () => {
    const target = open();
    withHistory(target);
    writeFileSync(join(target.dataDir, '.import-staging-1-abcdef.db'), 'left by an import killed after its commit');
    target.reopen();
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

import { open, readFile } from 'node:fs/promises';
import { ValidationError } from '../errors.js';
import { fileColumns, invalidBackup, tableOfKey } from './importRows.js';

/** Receives a backup's parts in file order. */
export interface BackupVisitor {
  header(value: unknown): void;
  /**
   * Starts the rows of the table with this JSON key. `columns` lists the
   * fields of each row array in layout version 2, and is null in version 1,
   * where each row is an object.
   */
  table(key: string, columns: string[] | null): void;
  row(entry: unknown): void;
}

/** The whole file is not valid JSON; `detail` is JSON.parse's reason. */
export class WholeFileSyntaxError extends ValidationError {
  override name = 'WholeFileSyntaxError';
  constructor(readonly detail: string) {
    super(`The file is not a Rehearse backup that this version can import: it is not valid JSON (${detail}).`);
  }
}

/** The file is not laid out as Rehearse writes a backup, one row per line. */
export class LayoutError extends Error {
  override name = 'LayoutError';
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line} ${detail}`);
  }
}

/** Bytes read per step: about 18,000 review-log rows, a few tens of milliseconds of parsing. */
const READ_BYTES = 4 * 1024 * 1024;
/**
 * Maximum length of a line. A row as the export writes it is a few kilobytes at
 * most, so a longer line means a file without line breaks (minified), which
 * would otherwise be gathered piece by piece into one huge string.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;
const CODE = { comma: 44, carriageReturn: 13, space: 32, tab: 9 };
/** The end of a table's opening line in layout version 2, where its rows follow. */
const ROWS_OPEN = '"rows":[';

type State = 'header' | 'tables' | 'table' | 'rows' | 'end';

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LayoutError(line, `is not valid JSON (${printable((error as Error).message)})`);
  }
}

/** Replaces control characters, which JSON.parse's messages quote from the file, with \u escapes. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Parses the layout that jsonExport writes, line by line. Layout version 2:
 *
 *     {"format":"rehearse-export","schemaVersion":2,...,"studyDay":"2026-12-04",
 *     "tables":{
 *     "settings":{"columns":["key","value"],"rows":[
 *     ["theme","\"dark\""],
 *     ["newPerDay","20"]]},
 *     "decks":{"columns":[...],"rows":[]},
 *     ...
 *     ["...",0,...]]}
 *     }}
 *
 * Version 1 has `"settings":[` as a table's opening line, a row object such
 * as `{"key":"theme","value":"\"dark\""}` on each line, and `]` to close
 * the table. Only one row's text is held at a time, so a file of any size is
 * read in bounded memory. Lines may end in CRLF, and a UTF-8 byte order mark
 * is skipped.
 */
class LineParser {
  private state: State = 'header';
  /** The kind of line a table accepts next: a row or the closing `]` after `[`, a row after a comma, `]` after a row without one. */
  private next: 'rowOrClose' | 'row' | 'close' = 'rowOrClose';
  /** The text that closes the current table: `]` in layout version 1, `]}` in version 2. */
  private closer = ']';
  private moreTables = false;
  private lineNumber = 0;

  constructor(private readonly visitor: BackupVisitor) {}

  /** The number of the line that the parser receives next, from 1. */
  get nextLine(): number {
    return this.lineNumber + 1;
  }

  /** Handles the line text[start, end), without its newline. */
  line(text: string, start: number, end: number): void {
    this.lineNumber += 1;
    let last = end;
    while (last > start && isSpace(text.charCodeAt(last - 1))) last -= 1;
    if (this.state === 'rows' && last > start) {
      this.rowLine(text, start, last);
      return;
    }
    const line = text.slice(start, last).trim();
    if (line === '') return;
    if (this.state === 'header') this.headerLine(line);
    else if (this.state === 'tables') this.tablesLine(line);
    else if (this.state === 'table') this.tableLine(line);
    else if (this.state === 'rows') this.rowLine(line, 0, line.length);
    else throw new LayoutError(this.lineNumber, 'follows the closing "}}"');
  }

  /** Checks that the file ended after its closing braces. */
  end(): void {
    if (this.state !== 'end') {
      throw new LayoutError(this.lineNumber, 'is the last, and the file ends before its closing "}}": it may be cut off');
    }
  }

  private headerLine(line: string): void {
    if (!line.startsWith('{') || !line.endsWith(',')) {
      throw new LayoutError(this.lineNumber, 'is not the header line "{"format":...,"');
    }
    this.visitor.header(parseJson(`${line.slice(0, -1)}}`, this.lineNumber));
    this.state = 'tables';
  }

  private tablesLine(line: string): void {
    if (line === '"tables":{}}') {
      this.state = 'end';
      return;
    }
    if (line !== '"tables":{') throw new LayoutError(this.lineNumber, 'is not "tables":{');
    this.state = 'table';
    this.moreTables = true;
  }

  private tableLine(line: string): void {
    if (line === '}}' && !this.moreTables) {
      this.state = 'end';
      return;
    }
    if (!this.moreTables || !line.startsWith('"')) {
      throw new LayoutError(this.lineNumber, 'does not start a table ("<name>":[ or "<name>":{"columns":[...],"rows":[) where one is expected');
    }
    const rest = line.includes('":{') ? this.openTableWithColumns(line) : this.openTableOfObjects(line);
    if (rest === '') {
      this.state = 'rows';
      this.next = 'rowOrClose';
    } else if (rest === this.closer || rest === `${this.closer},`) {
      this.moreTables = rest.endsWith(',');
    } else {
      throw new LayoutError(this.lineNumber, 'has text after the opening "[" of its rows');
    }
  }

  /** Starts a table of layout version 1, `"<name>":[`; returns the text after the `[`. */
  private openTableOfObjects(line: string): string {
    const open = line.indexOf('":[');
    if (open < 0) throw new LayoutError(this.lineNumber, 'does not start a table ("<name>":[) where one is expected');
    this.closer = ']';
    this.visitor.table(parseJson(line.slice(0, open + 1), this.lineNumber) as string, null);
    return line.slice(open + 3);
  }

  /** Starts a table of layout version 2, `"<name>":{"columns":[...],"rows":[`; returns the text after the `[`. */
  private openTableWithColumns(line: string): string {
    const open = line.lastIndexOf(ROWS_OPEN);
    if (open < 0) throw new LayoutError(this.lineNumber, 'starts a table without "rows":[');
    const parsed = parseJson(`{${line.slice(0, open + ROWS_OPEN.length)}]}}`, this.lineNumber) as Record<string, unknown>;
    const [key, ...others] = Object.keys(parsed);
    if (key === undefined || others.length > 0) throw new LayoutError(this.lineNumber, 'does not start exactly one table');
    const table = parsed[key];
    if (typeof table !== 'object' || table === null) throw new LayoutError(this.lineNumber, 'does not start a table object');
    this.closer = ']}';
    this.visitor.table(key, fileColumns(key, (table as Record<string, unknown>).columns));
    return line.slice(open + ROWS_OPEN.length);
  }

  /**
   * Handles a row line, text[start, last) with trailing spaces removed. The
   * row ends in a comma or the table's closer, and the closer may stand alone.
   */
  private rowLine(text: string, start: number, last: number): void {
    let bodyEnd = last;
    let comma = false;
    if (text.charCodeAt(bodyEnd - 1) === CODE.comma) {
      comma = true;
      bodyEnd -= 1;
    }
    const closes = text.startsWith(this.closer, bodyEnd - this.closer.length) && bodyEnd - this.closer.length >= start;
    if (closes) bodyEnd -= this.closer.length;
    let bodyStart = start;
    while (bodyStart < bodyEnd && isSpace(text.charCodeAt(bodyStart))) bodyStart += 1;
    if (bodyStart < bodyEnd) {
      if (this.next === 'close') throw new LayoutError(this.lineNumber, 'holds a row, but the row before it does not end with a comma');
      this.visitor.row(parseJson(text.slice(bodyStart, bodyEnd), this.lineNumber));
      this.next = comma ? 'row' : 'close';
    } else if (!closes || this.next === 'row') {
      throw new LayoutError(this.lineNumber, 'is not a row of the table where a row is expected');
    }
    if (closes) {
      this.state = 'table';
      this.moreTables = comma;
    }
  }
}

function isSpace(code: number): boolean {
  return code === CODE.carriageReturn || code === CODE.space || code === CODE.tab;
}

/**
 * Reads the file at `path` in the one-row-per-line layout of jsonExport and
 * hands each part to `visitor`. Throws LayoutError where the file leaves
 * that layout; errors thrown by the visitor pass through unchanged.
 */
export async function readBackupLines(path: string, visitor: BackupVisitor, maxLineBytes = MAX_LINE_BYTES): Promise<void> {
  const parser = new LineParser(visitor);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      let data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer.subarray(0, bytesRead);
      if (first) {
        first = false;
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      }
      // Only whole lines are decoded, so a multi-byte character is never cut in two.
      const lastNewline = data.lastIndexOf(NEWLINE);
      if (lastNewline < 0) {
        carry = Buffer.from(data);
        if (carry.length > maxLineBytes) throw new LayoutError(parser.nextLine, `is longer than ${maxLineBytes} bytes`);
        continue;
      }
      const text = data.toString('utf8', 0, lastNewline + 1);
      carry = Buffer.from(data.subarray(lastNewline + 1));
      let start = 0;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
        parser.line(text, start, newline);
        start = newline + 1;
      }
    }
    if (carry.length > 0) {
      const text = carry.toString('utf8');
      parser.line(text, 0, text.length);
    }
    parser.end();
  } finally {
    await file.close();
  }
}

/**
 * Reads a small file in any JSON layout with JSON.parse and hands its parts
 * to `visitor`, in file order. Throws ValidationError for a file that is not
 * JSON or has no "tables" object.
 */
export async function readWholeBackup(path: string, visitor: BackupVisitor): Promise<void> {
  let text = await readFile(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WholeFileSyntaxError(printable((error as Error).message));
  }
  visitor.header(parsed);
  const tables = (parsed as Record<string, unknown>).tables;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) invalidBackup('"tables" is missing.');
  for (const key of Object.keys(tables)) {
    tableOfKey(key);
    rejectRepeatedKey(text, key);
  }
  for (const [key, table] of Object.entries(tables)) {
    const { columns, rows } = wholeTable(key, table);
    visitor.table(key, columns);
    for (const row of rows) visitor.row(row);
  }
}

/**
 * Rejects a file whose text names table `key` more than once: JSON.parse
 * keeps only the last copy, and the rows of the others would be dropped
 * without a word. A key inside a JSON string has its quotes escaped, so only
 * real keys match.
 */
function rejectRepeatedKey(text: string, key: string): void {
  const pattern = new RegExp(`(?<!\\\\)${JSON.stringify(key)}\\s*:`, 'g');
  if ((text.match(pattern) ?? []).length > 1) invalidBackup(`the table "${key}" appears twice.`);
}

/** Splits a parsed table into its column list (layout version 2) or null (version 1, a plain list of rows) and its rows. */
function wholeTable(key: string, table: unknown): { columns: string[] | null; rows: unknown[] } {
  if (Array.isArray(table)) return { columns: null, rows: table };
  if (typeof table !== 'object' || table === null) invalidBackup(`tables.${key} must be a list of rows or an object with "columns" and "rows".`);
  const { columns, rows } = table as Record<string, unknown>;
  if (!Array.isArray(rows)) invalidBackup(`tables.${key}.rows must be a list.`);
  return { columns: fileColumns(key, columns), rows };
}

/**
 * Reads and writes backup text in the two file layouts, for tests that damage
 * or convert an export. Files are parsed whole, so only small exports fit.
 */

/** A table of layout version 2: column names once, each row an array of values in that order. */
export interface ArrayTable {
  columns: string[];
  rows: unknown[][];
}

/** A backup of layout version 2, tables in file order. */
export interface ArrayBackup {
  header: Record<string, unknown>;
  tables: [key: string, table: ArrayTable][];
}

/** Parses the text of a version 2 export. */
export function parseArrayBackup(text: string): ArrayBackup {
  const { tables, ...header } = JSON.parse(text) as { tables: Record<string, ArrayTable> };
  return { header, tables: Object.entries(tables) };
}

/** Writes the header line and "tables":{ as the export does. */
function headerLines(header: Record<string, unknown>): string {
  return `${JSON.stringify(header).slice(0, -1)},\n"tables":{`;
}

/** Writes rows one per line, each line after the first starting with a comma, as the export does. */
function rowLines(rows: string[]): string {
  return rows.map((row, index) => `${index === 0 ? '\n' : ',\n'}${row}`).join('');
}

/** Writes a version 2 backup in the one-row-per-line layout of the export. */
export function writeArrayBackup(file: ArrayBackup): string {
  const tables = file.tables.map(([key, table], index) => {
    const open = `${index === 0 ? '' : ','}\n${JSON.stringify(key)}:{"columns":${JSON.stringify(table.columns)},"rows":[`;
    return `${open}${rowLines(table.rows.map((row) => JSON.stringify(row)))}]}`;
  });
  return `${headerLines(file.header)}${tables.join('')}\n}}\n`;
}

/** Rewrites a version 2 export as Rehearse wrote layout version 1: each row an object keyed by field name. */
export function toLayoutV1(text: string): string {
  const file = parseArrayBackup(text);
  const tables = file.tables.map(([key, table], index) => {
    const rows = table.rows.map((row) => JSON.stringify(Object.fromEntries(table.columns.map((name, column) => [name, row[column]]))));
    return `${index === 0 ? '' : ','}\n${JSON.stringify(key)}:[${rowLines(rows)}]`;
  });
  return `${headerLines({ ...file.header, schemaVersion: 1 })}${tables.join('')}\n}}\n`;
}

/** Returns a version 2 export with table `key` changed by `edit`, in the same layout. */
export function editTable(text: string, key: string, edit: (table: ArrayTable) => void): string {
  const file = parseArrayBackup(text);
  const found = file.tables.find(([name]) => name === key);
  if (found === undefined) throw new Error(`No table ${key} in the export.`);
  edit(found[1]);
  return writeArrayBackup(file);
}

/** Sets field `name` of row `index` in a version 2 table. */
export function setField(table: ArrayTable, index: number, name: string, value: unknown): void {
  const column = table.columns.indexOf(name);
  if (column < 0) throw new Error(`No column ${name}.`);
  table.rows[index]![column] = value;
}

/** Reads field `name` of row `index` in a version 2 table. */
export function getField(table: ArrayTable, index: number, name: string): unknown {
  return table.rows[index]![table.columns.indexOf(name)];
}

/** Removes column `name` and its values from a version 2 table. */
export function dropColumn(table: ArrayTable, name: string): void {
  const column = table.columns.indexOf(name);
  table.columns.splice(column, 1);
  for (const row of table.rows) row.splice(column, 1);
}

import { LATEST_VERSION } from '../../db/migrate.js';
import type { StagedValue } from '../../db/importStaging.js';
import { EXPORT_TABLES, type ColumnInfo, type ExportTable } from '../../db/repositories/export.js';
import { ValidationError } from '../errors.js';
import { FIELD_RULES, shown, type FieldOf, type FieldRule } from './importFields.js';
import { EXPORT_FORMAT, READABLE_SCHEMA_VERSIONS, TABLE_KEYS, toCamelCase } from './json.js';

/** Throws the ValidationError of a file that cannot be imported. */
export function invalidBackup(problem: string): never {
  throw new ValidationError(`The file is not a Rehearse backup that this version can import: ${problem}`);
}

/** Checks the top-level fields of a backup (format, file layout version and database version) and returns the layout version. */
export function checkHeader(header: unknown): number {
  if (typeof header !== 'object' || header === null || Array.isArray(header)) invalidBackup('the top level must be an object.');
  const file = header as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) invalidBackup(`"format" must be "${EXPORT_FORMAT}".`);
  const layout = file.schemaVersion;
  if (typeof layout !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(layout)) {
    invalidBackup(`schema version ${JSON.stringify(layout)} is not one this version reads (${READABLE_SCHEMA_VERSIONS.join(' or ')}).`);
  }
  const version = file.databaseVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    invalidBackup(`"databaseVersion" must be a whole number from 1, not ${JSON.stringify(version) ?? 'missing'}.`);
  }
  if (version > LATEST_VERSION) invalidBackup(`it comes from a newer Rehearse (database version ${version}); update Rehearse first.`);
  return layout;
}

/** Checks the "columns" of a table in layout version 2: a list of distinct field names. */
export function fileColumns(key: string, columns: unknown): string[] {
  if (!Array.isArray(columns) || columns.some((name) => typeof name !== 'string')) {
    invalidBackup(`tables.${key}.columns must be a list of field names.`);
  }
  const repeated = columns.find((name, position) => columns.indexOf(name) !== position) as string | undefined;
  if (repeated !== undefined) invalidBackup(`tables.${key}.columns lists "${repeated}" twice.`);
  return columns as string[];
}

const TABLES_BY_KEY = new Map(EXPORT_TABLES.map((table) => [TABLE_KEYS[table], table]));

/** Returns the table a JSON key such as `reviewLog` names; throws for an unknown key. */
export function tableOfKey(key: string): ExportTable {
  const table = TABLES_BY_KEY.get(key);
  if (table === undefined) invalidBackup(`it has an unknown table "${key}".`);
  return table;
}

/** Returns why a value does not fit its column, or null when it fits. */
function valueProblem(column: ColumnInfo, value: unknown): string | null {
  if (value === null || value === undefined) {
    return column.notNull && !column.hasDefault ? 'is missing' : null;
  }
  if (column.type === 'TEXT' && typeof value !== 'string') return `must be text, not ${shown(value)}`;
  if (column.type === 'INTEGER' && !Number.isSafeInteger(value)) return `must be a whole number, not ${shown(value)}`;
  if (column.type === 'REAL' && !(typeof value === 'number' && Number.isFinite(value))) {
    return `must be a number, not ${shown(value)}`;
  }
  return null;
}

/**
 * Turns the rows of one table, as parsed from the file, into values in column
 * order. A row is an array of values in the order of the table's "columns"
 * (layout version 2) or an object keyed by field name (version 1). Every row
 * is checked against the live schema: known fields only, the
 * declared type, no missing required value. Then the fields with a rule in
 * FIELD_RULES are checked (JSON structure, enums and ranges), in column order.
 * A null or missing field of a column with a default leaves the value
 * undefined, so the default applies.
 */
export class RowReader {
  /** Rows read so far; the next row's index in its table. */
  index = 0;
  readonly key: string;
  private readonly fieldNames: string[];
  private readonly columnsByField: Map<string, number>;
  /** Column index and rule of each field with a rule. */
  private readonly rules: [number, FieldRule][];
  /** For rows as arrays: the column of each array position, or null when the file's columns are the table's, in order. */
  private readonly positions: number[] | null = null;
  /** The row being checked, read by the rules through `fieldOf`. */
  private current: StagedValue[] = [];
  private readonly fieldOf: FieldOf = (field) => this.current[this.columnsByField.get(field)!];

  constructor(
    readonly table: ExportTable,
    private readonly columns: ColumnInfo[],
    /** The field names of each row array, from the file; null when rows are objects. */
    private readonly arrayFields: string[] | null = null,
  ) {
    this.key = TABLE_KEYS[table];
    this.fieldNames = columns.map((column) => toCamelCase(column.name));
    this.columnsByField = new Map(this.fieldNames.map((name, index) => [name, index]));
    if (arrayFields !== null && !this.inColumnOrder(arrayFields)) this.positions = this.columnPositions(arrayFields);
    this.rules = Object.entries(FIELD_RULES[table] ?? {})
      .map(([field, rule]): [number, FieldRule] => {
        const column = this.columnsByField.get(field);
        if (column === undefined) throw new Error(`FIELD_RULES has a rule for ${this.key}.${field}, a column the database does not have.`);
        return [column, rule];
      })
      .sort(([left], [right]) => left - right);
  }

  /** Returns the next row's values; throws ValidationError naming the table, the row index and the field. */
  read(entry: unknown): StagedValue[] {
    const index = this.index;
    this.index += 1;
    const values = this.arrayFields === null ? this.objectValues(entry, index) : this.arrayValues(entry, index);
    for (let column = 0; column < this.columns.length; column += 1) {
      values[column] = this.check(column, values[column], index);
    }
    this.applyRules(values as StagedValue[], index);
    return values as StagedValue[];
  }

  private objectValues(entry: unknown, index: number): unknown[] {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      invalidBackup(`${this.key}[${index}] must be an object.`);
    }
    const names = Object.keys(entry);
    // Version 1 rows as Rehearse wrote them list every field in column order: a check per value is all they need.
    return this.inColumnOrder(names) ? Object.values(entry) : this.reorder(entry as Record<string, unknown>, names, index);
  }

  private arrayValues(entry: unknown, index: number): unknown[] {
    const width = this.arrayFields!.length;
    if (!Array.isArray(entry) || entry.length !== width) {
      invalidBackup(`${this.key}[${index}] must be a list of ${width} values, one for each of tables.${this.key}.columns.`);
    }
    const positions = this.positions;
    if (positions === null) return entry as unknown[];
    const values = new Array<unknown>(this.columns.length).fill(undefined);
    for (let position = 0; position < width; position += 1) values[positions[position]!] = (entry as unknown[])[position];
    return values;
  }

  /** Maps each field of the file's column list to the table's column, rejecting a field the table does not have. */
  private columnPositions(fields: string[]): number[] {
    return fields.map((name) => {
      const column = this.columnsByField.get(name);
      if (column === undefined) {
        invalidBackup(`tables.${this.key}.columns has an unknown field "${name}". Remove it and its values or export the backup again.`);
      }
      return column;
    });
  }

  private applyRules(values: StagedValue[], index: number): void {
    this.current = values;
    for (const [column, rule] of this.rules) {
      const value = values[column];
      // A left-out value takes the column's default, which is valid.
      if (value === undefined) continue;
      const problem = rule(value, this.fieldOf);
      if (problem !== null) {
        invalidBackup(
          `${this.key}[${index}].${this.fieldNames[column]}${problem.path} ${problem.message}. Correct that value or export the backup again.`,
        );
      }
    }
  }

  private inColumnOrder(names: string[]): boolean {
    if (names.length !== this.fieldNames.length) return false;
    for (let position = 0; position < names.length; position += 1) {
      if (names[position] !== this.fieldNames[position]) return false;
    }
    return true;
  }

  private reorder(entry: Record<string, unknown>, names: string[], index: number): unknown[] {
    const values = new Array<unknown>(this.columns.length).fill(undefined);
    for (const name of names) {
      const column = this.columnsByField.get(name);
      if (column === undefined) {
        invalidBackup(`${this.key}[${index}] has an unknown field "${name}". Remove it or export the backup again.`);
      }
      values[column] = entry[name];
    }
    return values;
  }

  private check(column: number, value: unknown, index: number): StagedValue {
    const info = this.columns[column]!;
    const problem = valueProblem(info, value);
    if (problem !== null) {
      invalidBackup(`${this.key}[${index}].${this.fieldNames[column]} ${problem}. Correct that value or export the backup again.`);
    }
    if (value === null || value === undefined) return info.hasDefault ? undefined : null;
    return value as string | number;
  }
}

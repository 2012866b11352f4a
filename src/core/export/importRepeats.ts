import type { RepeatedKey } from '../../db/importStaging.js';
import type { ExportTable } from '../../db/repositories/export.js';
import { ValidationError } from '../errors.js';
import { readBackupLines, readWholeBackup, LayoutError, type BackupVisitor } from './importLines.js';
import { TABLE_KEYS, toCamelCase } from './json.js';

/** Ends a read of the file once the rows searched for are found. */
class RowsFound {
  constructor(readonly positions: number[]) {}
}

/**
 * Collects the positions of the rows of table `key` whose `fields` have
 * `values`, among its first `before` rows. Throws RowsFound at the `limit`-th.
 */
function searchingVisitor(key: string, fields: string[], values: unknown[], before: number, limit: number): BackupVisitor & { found: number[] } {
  let inTable = false;
  let index = 0;
  /** Position of each searched field in a row array, or null while rows are objects. */
  let positions: number[] | null = null;
  const found: number[] = [];
  const matches = (entry: unknown): boolean => {
    if (positions !== null) return Array.isArray(entry) && positions.every((position, field) => entry[position] === values[field]);
    const row = entry as Record<string, unknown>;
    return fields.every((field, position) => row[field] === values[position]);
  };
  return {
    found,
    header() {},
    table(name, columns) {
      inTable = name === key;
      positions = columns === null ? null : fields.map((field) => columns.indexOf(field));
    },
    row(entry) {
      if (!inTable || index >= before) return;
      if (matches(entry)) {
        found.push(index);
        if (found.length === limit) throw new RowsFound(found);
      }
      index += 1;
    },
  };
}

/**
 * Returns the positions of the first `limit` rows of `table` whose `fields`
 * have `values`, among the rows before position `before`. The file is read
 * again in the layout the import read: one row per line, or whole when the
 * file leaves that layout (a file the import could only read whole is small).
 */
async function findRows(path: string, table: ExportTable, fields: string[], values: unknown[], before: number, limit: number): Promise<number[]> {
  const search = () => searchingVisitor(TABLE_KEYS[table], fields, values, before, limit);
  let visitor = search();
  try {
    await readBackupLines(path, visitor);
  } catch (error) {
    if (error instanceof RowsFound) return error.positions;
    if (!(error instanceof LayoutError)) throw error;
    visitor = search();
    try {
      await readWholeBackup(path, visitor);
    } catch (wholeError) {
      if (wholeError instanceof RowsFound) return wholeError.positions;
      throw wholeError;
    }
  }
  return visitor.found;
}

function repeatError(rows: string, fields: string[], key: RepeatedKey): ValidationError {
  const values = key.values.map((value) => JSON.stringify(value)).join(', ');
  return new ValidationError(
    `The file is not a Rehearse backup that this version can import: ${rows} have the same ${fields.join(' and ')} ` +
      `(${values}), which must be unique; nothing was imported. Remove one of the two rows or export the backup again.`,
  );
}

/**
 * Builds the error for the row at `index` of `table` that repeats the key of
 * an earlier row, naming both rows. Staging does not keep the positions of
 * the rows, so the file is read again until the earlier row: a cost paid only
 * when the import fails.
 */
export async function repeatedRowError(path: string, table: ExportTable, index: number, key: RepeatedKey): Promise<ValidationError> {
  const fields = key.columns.map(toCamelCase);
  const tableKey = TABLE_KEYS[table];
  const [earlier] = await findRows(path, table, fields, key.values, index, 1);
  return repeatError(earlier === undefined ? `${tableKey}[${index}] and an earlier row` : `${tableKey}[${earlier}] and ${tableKey}[${index}]`, fields, key);
}

/**
 * Builds the error for rows of `table` that share `key`, found when a UNIQUE
 * index was built after all rows were staged: the file is read again for the
 * first two rows with that key.
 */
export async function repeatedKeyError(path: string, table: ExportTable, key: RepeatedKey): Promise<ValidationError> {
  const fields = key.columns.map(toCamelCase);
  const tableKey = TABLE_KEYS[table];
  const [first, second] = await findRows(path, table, fields, key.values, Number.POSITIVE_INFINITY, 2);
  const rows = first === undefined || second === undefined ? `several rows of ${tableKey}` : `${tableKey}[${first}] and ${tableKey}[${second}]`;
  return repeatError(rows, fields, key);
}

import type { RepeatedKey } from '../../db/importStaging.js';
import type { ExportTable } from '../../db/repositories/export.js';
import { ValidationError } from '../errors.js';
import { readBackupLines, readWholeBackup, LayoutError, type BackupVisitor } from './importLines.js';
import { TABLE_KEYS, toCamelCase } from './json.js';

/** Ends a read of the file once the row searched for is found. */
class RowFound {
  constructor(readonly index: number) {}
}

/** Throws RowFound at the first row of table `key`, among its first `before` rows, whose `fields` have `values`. */
function searchingVisitor(key: string, fields: string[], values: unknown[], before: number): BackupVisitor {
  let inTable = false;
  let index = 0;
  return {
    header() {},
    table(name) {
      inTable = name === key;
    },
    row(entry) {
      if (!inTable || index >= before) return;
      const row = entry as Record<string, unknown>;
      if (fields.every((field, position) => row[field] === values[position])) throw new RowFound(index);
      index += 1;
    },
  };
}

/**
 * Returns the position of the first row of `table` whose `fields` have
 * `values`, among the rows before position `before`, or null. It reads the
 * file again in the layout the import read it in: one row per line, or whole
 * when the file leaves that layout (a file the import could only read whole is
 * small).
 */
async function findEarlierRow(path: string, table: ExportTable, fields: string[], values: unknown[], before: number): Promise<number | null> {
  const visitor = searchingVisitor(TABLE_KEYS[table], fields, values, before);
  try {
    await readBackupLines(path, visitor);
  } catch (error) {
    if (error instanceof RowFound) return error.index;
    if (!(error instanceof LayoutError)) throw error;
    try {
      await readWholeBackup(path, searchingVisitor(TABLE_KEYS[table], fields, values, before));
    } catch (wholeError) {
      if (wholeError instanceof RowFound) return wholeError.index;
      throw wholeError;
    }
  }
  return null;
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
  const earlier = await findEarlierRow(path, table, fields, key.values, index);
  const rows = earlier === null ? `${tableKey}[${index}] and an earlier row` : `${tableKey}[${earlier}] and ${tableKey}[${index}]`;
  const values = key.values.map((value) => JSON.stringify(value)).join(', ');
  return new ValidationError(
    `The file is not a Rehearse backup that this version can import: ${rows} have the same ${fields.join(' and ')} ` +
      `(${values}), which must be unique; nothing was imported. Remove one of the two rows or export the backup again.`,
  );
}

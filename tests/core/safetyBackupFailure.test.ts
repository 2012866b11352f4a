import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { toApiError } from '../../src/core/api/dispatch.js';
import { exportText, useExportTestFolders, withHistory } from '../core/exportFixture.js';

const { open, importText } = useExportTestFolders();

/**
 * Replaces the backups folder with a file, so the safety backup fails. A test
 * running as root cannot make a folder unwritable with chmod. A full disk or a
 * read-only mount fail in the same function, BackupStore.snapshot.
 */
function breakBackupsFolder(dataDir: string): void {
  const folder = join(dataDir, 'backups');
  rmSync(folder, { recursive: true, force: true });
  writeFileSync(folder, 'not a folder');
}

it('import names a failed safety backup', async () => {
  const source = open();
  withHistory(source);
  const text = await exportText(source, 'json');
  const target = open();
  breakBackupsFolder(target.dataDir);

  const error = await importText(target, text).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).not.toBeNull();
  const body = toApiError(error);
  // The message names the failed safety backup instead of "Something went wrong inside Rehearse".
  expect(body.code).not.toBe('internal');
  expect(body.message).toMatch(/backup/i);
});

it('back up now names its failure', async () => {
  const handle = open();
  breakBackupsFolder(handle.dataDir);
  const error = await Promise.resolve(handle.app.handlers.backupNow({})).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).not.toBeNull();
  expect(toApiError(error).code).not.toBe('internal');
});

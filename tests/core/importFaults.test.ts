import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { openExport } from '../../src/core/export/index.js';
import { importBackup } from '../../src/core/export/jsonImport.js';
import type { TempApp } from '../helpers/tempApp.js';
import { exportText, useExportTestFolders, withHistory } from './exportFixture.js';
import { editTable } from './exportLayouts.js';

const { open, importText, makeFolder } = useExportTestFolders();

async function sourceText(): Promise<string> {
  const source = open();
  withHistory(source);
  return exportText(source, 'json');
}

function count(handle: TempApp, table: string): number {
  return handle.app.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

describe('JSON import faults', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])('setting key %s keeps settings readable', async (key) => {
    const text = editTable(await sourceText(), 'settings', (table) => {
      table.rows.push([key, '1']);
    });
    const target = open();
    // Either outcome is fine: a rejected file, or a folder whose settings can still be read.
    const imported = await importText(target, text).then(
      () => true,
      (error: unknown) => {
        expect(error).toBeInstanceOf(ValidationError);
        return false;
      },
    );
    if (imported) expect(await target.app.handlers.getSettings({})).toMatchObject({ newPerDay: 20 });
  });

  it('deeply nested value is a validation error', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const text = editTable(await sourceText(), 'settings', (table) => {
      table.rows.push(['deep', 'MARKER']);
    }).replace('"MARKER"', deep);
    const target = open();
    const error = await importText(target, text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/settings\[\d+\]\.value/);
  });

  it('pretty-printed table twice is rejected', async () => {
    const pretty = JSON.stringify(JSON.parse(await sourceText()), null, 2);
    // The same key again at the end of "tables": JSON.parse keeps only this empty copy.
    const twice = pretty.replace(/\n {2}\}\n\}$/, ',\n    "reviewLog": {"columns": ["id"], "rows": []}\n  }\n}');
    const target = open();
    await expect(importText(target, twice)).rejects.toThrow(/the table "reviewLog" appears twice/);
    expect(count(target, 'review_log')).toBe(0);
  });

  it('setting saved during the safety backup stops the swap', async () => {
    const path = join(makeFolder(), 'backup.json');
    writeFileSync(path, await sourceText());
    const target = open();
    await target.app.handlers.updateSettings({ theme: 'dark' });
    const service = target.app.backups;
    const snapshotNow = service.snapshotNow.bind(service);
    // A request served after the live database was copied for the 'before-import' backup, while the copy is compressed.
    vi.spyOn(service, 'snapshotNow').mockImplementation((reason) => {
      const snapshot = snapshotNow(reason);
      void Promise.resolve().then(() => target.app.handlers.updateSettings({ newPerDay: 77 }));
      return snapshot;
    });
    await expect(importBackup(target.app, path)).rejects.toThrow(ConflictError);
    expect((await target.app.handlers.getSettings({})).newPerDay).toBe(77);
    expect(count(target, 'review_log')).toBe(0);
    expect(readdirSync(target.dataDir).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });

  it('import during a restore is a conflict', async () => {
    const path = join(makeFolder(), 'backup.json');
    writeFileSync(path, await sourceText());
    const target = open();
    // 8 MB of incompressible text (not progress), so the restore's backup takes long enough to overlap the import.
    target.app.db.prepare("INSERT INTO settings (key, value) VALUES ('padding', ?)").run(JSON.stringify(randomBytes(4_000_000).toString('hex')));
    const earlier = await target.app.backups.backupNow('on-request');
    const restored = target.app.handlers.restoreBackup({ name: earlier.name });
    await expect(importBackup(target.app, path)).rejects.toThrow(/a backup is being restored in this data folder/);
    await expect(restored).resolves.toMatchObject({ restored: earlier.name });
    expect(count(target, 'review_log')).toBe(0);
  });

  it('export during an import is a conflict', async () => {
    const path = join(makeFolder(), 'backup.json');
    writeFileSync(path, await sourceText());
    const target = open();
    const imported = importBackup(target.app, path);
    expect(() => openExport(target.app.context, 'review-log-csv')).toThrow(/The export was not started because a backup is being imported/);
    await expect(imported).resolves.toMatchObject({ reviews: 6 });
    expect(() => openExport(target.app.context, 'review-log-csv')).not.toThrow();
  });

  it('import while an export is read is a conflict', async () => {
    const path = join(makeFolder(), 'backup.json');
    writeFileSync(path, await sourceText());
    const target = open();
    const chunks = openExport(target.app.context, 'progress-csv').chunks[Symbol.asyncIterator]();
    await chunks.next();
    await expect(importBackup(target.app, path)).rejects.toThrow(/An export is still being written/);
    expect(count(target, 'review_log')).toBe(0);
    await chunks.return?.(undefined);
    await expect(importBackup(target.app, path)).resolves.toMatchObject({ reviews: 6 });
  });

  it('restore during an import is a conflict', async () => {
    const path = join(makeFolder(), 'backup.json');
    writeFileSync(path, await sourceText());
    const target = open();
    const earlier = await target.app.backups.backupNow('on-request');
    const imported = importBackup(target.app, path);
    await expect(target.app.handlers.restoreBackup({ name: earlier.name })).rejects.toThrow(/a backup is being imported in this data folder/);
    await expect(imported).resolves.toMatchObject({ reviews: 6 });
    expect(count(target, 'review_log')).toBe(6);
  });
});

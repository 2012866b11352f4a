import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportHost } from '../../src/server/exports.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp | null = null;

afterEach(() => {
  handle?.cleanup();
  handle = null;
});

describe('upload left by a killed server', () => {
  it('is deleted at start-up', () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: Date.parse('2026-06-01T12:00:00Z') });
    // A server killed during an import leaves the whole uploaded backup, up to 8 GiB, in the data folder.
    writeFileSync(join(handle.dataDir, '.import-upload-0123456789ab.json'), '{"format":"rehearse-export"');
    handle.reopen();
    createExportHost(handle.app, testLogger);
    expect(readdirSync(handle.dataDir).filter((name) => name.startsWith('.import-upload-'))).toEqual([]);
  });
});

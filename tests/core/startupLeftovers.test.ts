import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp;
afterEach(() => handle?.cleanup());

/**
 * Files that a process killed during a restore (the unpacked backup) or a JSON
 * export (the read snapshot) leaves beside rehearse.db. Each is a full copy of
 * a database that no later run uses.
 */
const LEFTOVERS = ['rehearse.db.restoring', 'rehearse.db.snapshot-4242-1796414400000', 'rehearse.db.snapshot-4242-1796414400000-journal'];

it('start-up deletes killed restore and export copies', () => {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: Date.parse('2026-06-01T12:00:00Z') });
  for (const name of LEFTOVERS) writeFileSync(join(handle.dataDir, name), 'left by a killed process');

  handle.reopen();
  for (const name of LEFTOVERS) expect(existsSync(join(handle.dataDir, name)), name).toBe(false);
});

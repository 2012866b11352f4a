// Times openApp in a fresh process, as at start-up: open, migration check and deck sync.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emit, openFixture, readInput, runMain, type FixtureInput } from './common.js';

/**
 * Reads and hashes every deck file without parsing it: the least a sync can do
 * to find that nothing changed, as a lower bound for the deck part of openApp.
 */
function hashDeckFiles(folder: string): number {
  const started = performance.now();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.yaml'))) {
    createHash('sha256').update(readFileSync(join(folder, name))).digest('hex');
  }
  return performance.now() - started;
}

runMain(() => {
  const input = readInput<FixtureInput>();
  const started = performance.now();
  const app = openFixture(input);
  const ms = performance.now() - started;
  const { skipped, updated } = app.syncReport;
  app.close();
  emit({ ms, skipped: skipped.length, updated: updated.length, hashMs: hashDeckFiles(input.decksDir) });
});

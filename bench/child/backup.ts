// Measures on their own the two jobs that run after start-up: the daily backup and the quick check.
import { quickCheck } from '../../src/db/backup.js';
import { emit, openFixture, readInput, runMain, type FixtureInput } from './common.js';

runMain(async () => {
  const input = readInput<FixtureInput>();
  // The real clock names the backup, so a serve started afterwards finds today's backup and skips its own.
  const app = openFixture({ ...input, now: null });
  let started = performance.now();
  const entry = await app.backups.backupNow('start-up');
  const backupMs = performance.now() - started;
  started = performance.now();
  const problems = quickCheck(app.db);
  const quickCheckMs = performance.now() - started;
  app.close();
  emit({ backupMs, quickCheckMs, backupBytes: entry.sizeBytes, problems: problems.length });
});

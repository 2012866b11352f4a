// Writes the review-log CSV export of the fixture to a file and reports time and peak memory.
import { rmSync } from 'node:fs';
import { openExport } from '../../src/core/export/index.js';
import { writeExportFile } from '../../src/core/export/writeFile.js';
import { currentRssMB, emit, openFixture, peakRssMB, readInput, runMain, type FixtureInput } from './common.js';

runMain(async () => {
  const input = readInput<FixtureInput & { outPath: string }>();
  const app = openFixture(input);
  const rssBeforeMB = currentRssMB();
  let rows = 0;
  const started = performance.now();
  const stream = openExport(app.context, 'review-log-csv');
  const bytes = await writeExportFile(input.outPath, stream, (done) => (rows = done));
  const ms = performance.now() - started;
  app.close();
  rmSync(input.outPath, { force: true });
  emit({ ms, peakMB: peakRssMB(), rssBeforeMB, bytes, rows });
});

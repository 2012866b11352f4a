// Exports the fixture as JSON, then imports that file into an empty data folder.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openExport } from '../../src/core/export/index.js';
import { importBackup } from '../../src/core/export/jsonImport.js';
import { writeExportFile } from '../../src/core/export/writeFile.js';
import { configureLogging } from '../../src/log/logger.js';
import { emit, openFixture, peakRssMB, readInput, runMain, type FixtureInput } from './common.js';

/** The steps of an import, in milliseconds, as its 'backup imported' log line gives them. */
interface ImportSteps {
  stageMs: number;
  indexMs: number;
  swapMs: number;
}

runMain(async () => {
  const input = readInput<FixtureInput & { workDir: string }>();
  const exportPath = join(input.workDir, 'export.json');
  const importDir = join(input.workDir, 'import-data');

  const source = openFixture(input);
  let started = performance.now();
  await writeExportFile(exportPath, openExport(source.context, 'json'));
  const exportMs = performance.now() - started;
  const exportPeakMB = peakRssMB();
  source.close();
  const bytes = statSync(exportPath).size;

  started = performance.now();
  let importMs: number | null = null;
  let error: string | null = null;
  const target = openFixture({ ...input, dataDir: importDir });
  let steps: ImportSteps | null = null;
  configureLogging({
    level: 'info',
    sink: (line) => {
      const entry = JSON.parse(line) as { level: string; message: string } & ImportSteps;
      if (entry.message === 'backup imported') steps = { stageMs: entry.stageMs, indexMs: entry.indexMs, swapMs: entry.swapMs };
      else if (entry.level === 'warn' || entry.level === 'error') process.stderr.write(`${line}\n`);
    },
  });
  try {
    const summary = await importBackup(target, exportPath);
    importMs = performance.now() - started;
    if (summary.reviews === 0) error = 'the import reported no reviews';
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    target.close();
    rmSync(exportPath, { force: true });
    rmSync(importDir, { recursive: true, force: true });
  }
  const totalMs = importMs === null ? null : exportMs + importMs;
  emit({ exportMs, importMs, totalMs, bytes, exportPeakMB, peakMB: peakRssMB(), steps, error });
});

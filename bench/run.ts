// `npm run bench`: measures Rehearse on the heavy-user fixture and prints a table (or `--json`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configureLogging } from '../src/log/logger.js';
import { readManifest, type FixtureManifest } from './fixture/manifest.js';
import { buildChildren, runChild } from './lib/children.js';
import { describeMachine } from './lib/machine.js';
import { emptyFigures, figuresJson, formatTable, type BenchReport } from './lib/report.js';
import { summarize, type Sample } from './lib/sample.js';
import type { FigureKey } from './lib/targets.js';
import { measureAnswers } from './measure/answer.js';
import { measureBundle } from './measure/bundle.js';
import { benchPaths, openFixtureApp, type BenchPaths } from './measure/context.js';
import { timeMethod } from './measure/screens.js';
import { bundledDecksOnly, measureFirstCard, measureServeMemory } from './measure/serve.js';

const HELP = `Usage: npm run bench -- [options]

Runs every benchmark against the fixture from npm run bench:fixture.

Options:
  --fixture DIR   fixture folder (default: .bench-data/fixture)
  --json          print only one JSON object with the figures (progress goes to stderr)
  --only LIST     comma-separated groups to run: bundle, open, core, backup, export, json, serve, browser
  --runs F        multiplies every measurement's number of runs (default: 1; 2 doubles them)
  --no-build      use the existing dist/ instead of running scripts/build.mjs first
  --help          show this help
`;

const GROUPS = ['bundle', 'open', 'core', 'backup', 'export', 'json', 'serve', 'browser'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  paths: BenchPaths;
  manifest: FixtureManifest;
  scale: number;
  report: BenchReport;
  log: (line: string) => void;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      fixture: { type: 'string' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const only = values.only?.split(',').map((name) => name.trim()) ?? [...GROUPS];
  for (const name of only) {
    if (!(GROUPS as readonly string[]).includes(name)) throw new Error(`Unknown group "${name}" in --only: use ${GROUPS.join(', ')}.`);
  }
  const scale = values.runs === undefined ? 1 : Number(values.runs);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`Invalid --runs "${values.runs}": give a positive number such as 2.`);
  return { ...values, only: new Set(only as Group[]), scale };
}

function runs(options: Options, base: number): number {
  return Math.max(1, Math.round(base * options.scale));
}

function record(options: Options, key: FigureKey, sample: Sample, count: number): void {
  options.report.figures[key] = sample;
  options.report.runs[key] = count;
  options.log(`${key}: median ${sample.median.toFixed(2)} (min ${sample.min.toFixed(2)}, max ${sample.max.toFixed(2)}) over ${count} runs`);
}

function extra(options: Options, label: string, unit: string, sample: Sample): void {
  options.report.extras.push({ label, unit, sample });
}

/** Runs one group; a failure leaves its figures null and becomes a note instead of stopping the run. */
async function attempt(options: Options, group: string, work: () => Promise<void>): Promise<void> {
  options.log(`running ${group} ...`);
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.report.notes.push(`${group} failed: ${message.split('\n')[0]!.slice(0, 400)}`);
    options.log(`${group} failed: ${message}`);
  }
}

async function measureOpen(options: Options): Promise<void> {
  const { paths, manifest } = options;
  const count = runs(options, 5);
  const times: number[] = [];
  const bare: number[] = [];
  const hashing: number[] = [];
  const bundled: number[] = [];
  const bundledDir = bundledDecksOnly(paths);
  type Result = { ms: number; skipped: number; updated: number; hashMs: number };
  // An untimed open first: it runs any migration added since the fixture was generated (with its
  // backup), so the timed runs measure an up-to-date database as a normal start does.
  const input = { dataDir: paths.dataDir, now: manifest.now };
  const warmUp = await runChild<Result>(paths.childDir, 'open', { ...input, decksDir: paths.noDecksDir });
  if (warmUp.ms > 5000) options.report.notes.push(`open: the untimed first open took ${Math.round(warmUp.ms)} ms (a migration ran).`);
  for (let run = 0; run < count; run += 1) {
    const result = await runChild<Result>(paths.childDir, 'open', { ...input, decksDir: paths.decksDir });
    if (result.updated > 0) options.report.notes.push(`open: ${result.updated} deck files differed from the database and were synced.`);
    times.push(result.ms);
    hashing.push(result.hashMs);
    bare.push((await runChild<Result>(paths.childDir, 'open', { ...input, decksDir: paths.noDecksDir })).ms);
    bundled.push((await runChild<Result>(paths.childDir, 'open', { ...input, decksDir: bundledDir })).ms);
  }
  record(options, 'openMs', summarize(times), count);
  extra(options, 'open with an empty deck folder (database only)', 'ms', summarize(bare));
  extra(options, 'open with only the bundled deck files', 'ms', summarize(bundled));
  extra(options, 'read + SHA-256 of all fixture deck files, no parsing', 'ms', summarize(hashing));
}

async function measureCore(options: Options): Promise<void> {
  const app = openFixtureApp(options.paths, options.manifest);
  try {
    const queueRuns = runs(options, 30);
    record(options, 'queueMs', await timeMethod(app, 'getStudyStep', { deckId: null }, queueRuns), queueRuns);
    extra(options, 'getHome (all decks with counts)', 'ms', await timeMethod(app, 'getHome', {}, queueRuns));

    const statsRuns = runs(options, 7);
    await attempt(options, 'stats', async () => {
      record(options, 'statsMs', await timeMethod(app, 'getStats', { rangeDays: 30 }, statsRuns), statsRuns);
      extra(options, 'getStats, 365-day range', 'ms', await timeMethod(app, 'getStats', { rangeDays: 365 }, runs(options, 3)));
    });

    await attempt(options, 'browse', async () => {
      extra(options, 'browseCards, first page, no filter', 'ms', await timeMethod(app, 'browseCards', {}, statsRuns));
      extra(options, 'browseCards, text search', 'ms', await timeMethod(app, 'browseCards', { search: 'drift' }, statsRuns));
    });

    const rounds = runs(options, 7);
    const answers = await measureAnswers(app, options.manifest, rounds, 100);
    record(options, 'answerMs', answers.answerMs, rounds * 100);
    record(options, 'answerRatio', answers.answerRatio, rounds);
    extra(options, 'bare: ts-fsrs next + 1 committed insert', 'ms', answers.bareMs);
    extra(options, 'answerCard API (answer + next step)', 'ms', answers.answerApiMs);
  } finally {
    app.close();
  }
}

async function measureBackup(options: Options): Promise<void> {
  const { paths, manifest } = options;
  const result = await runChild<{ backupMs: number; quickCheckMs: number; backupBytes: number }>(paths.childDir, 'backup', {
    dataDir: paths.dataDir,
    decksDir: paths.noDecksDir,
    now: manifest.now,
  });
  extra(options, 'after start-up: backup (online copy + gzip)', 'ms', summarize([result.backupMs]));
  extra(options, 'after unclean shutdown: PRAGMA quick_check', 'ms', summarize([result.quickCheckMs]));
}

async function measureRevlogExport(options: Options): Promise<void> {
  const { paths, manifest } = options;
  const count = runs(options, 3);
  const times: number[] = [];
  const peaks: number[] = [];
  for (let run = 0; run < count; run += 1) {
    const input = { dataDir: paths.dataDir, decksDir: paths.noDecksDir, now: manifest.now, outPath: join(paths.workDir, 'review-log.csv') };
    const result = await runChild<{ ms: number; peakMB: number; rows: number }>(paths.childDir, 'revlogExport', input);
    if (result.rows !== manifest.reviews) options.report.notes.push(`review-log export wrote ${result.rows} rows, expected ${manifest.reviews}.`);
    times.push(result.ms);
    peaks.push(result.peakMB);
  }
  record(options, 'revlogExportMs', summarize(times), count);
  record(options, 'revlogExportPeakMB', summarize(peaks), count);
}

async function measureJsonRoundTrip(options: Options): Promise<void> {
  const { paths, manifest } = options;
  const count = runs(options, 2);
  const totals: number[] = [];
  const exports: number[] = [];
  const imports: number[] = [];
  const exportPeaks: number[] = [];
  const peaks: number[] = [];
  const sizes: number[] = [];
  const steps: { stageMs: number; indexMs: number; swapMs: number }[] = [];
  for (let run = 0; run < count; run += 1) {
    const input = { dataDir: paths.dataDir, decksDir: paths.noDecksDir, now: manifest.now, workDir: paths.workDir };
    type Result = {
      exportMs: number;
      importMs: number | null;
      totalMs: number | null;
      bytes: number;
      exportPeakMB: number;
      peakMB: number;
      steps: { stageMs: number; indexMs: number; swapMs: number } | null;
      error: string | null;
    };
    const result = await runChild<Result>(paths.childDir, 'jsonRoundTrip', input);
    exports.push(result.exportMs);
    exportPeaks.push(result.exportPeakMB);
    peaks.push(result.peakMB);
    sizes.push(result.bytes / 1_048_576);
    if (result.error !== null || result.totalMs === null || result.importMs === null) {
      const size = `${Math.round(result.bytes / 1_048_576)} MiB`;
      throw new Error(`the import of the ${size} JSON export failed after an export of ${Math.round(result.exportMs)} ms: ${result.error}`);
    }
    totals.push(result.totalMs);
    imports.push(result.importMs);
    if (result.steps !== null) steps.push(result.steps);
  }
  record(options, 'jsonRoundTripMs', summarize(totals), count);
  extra(options, 'JSON export alone', 'ms', summarize(exports));
  extra(options, 'JSON import alone', 'ms', summarize(imports));
  if (steps.length > 0) {
    extra(options, 'JSON import: read, check and stage rows', 'ms', summarize(steps.map((step) => step.stageMs)));
    extra(options, 'JSON import: indexes, totals, triggers', 'ms', summarize(steps.map((step) => step.indexMs)));
    extra(options, 'JSON import: safety backup, merge, swap', 'ms', summarize(steps.map((step) => step.swapMs)));
  }
  extra(options, 'JSON file size', 'MiB', summarize(sizes));
  extra(options, 'JSON export peak RSS', 'MiB', summarize(exportPeaks));
  // The child exports, then imports, so its final peak covers both. On the fixture the import's peak is the larger.
  extra(options, 'JSON round trip peak RSS', 'MiB', summarize(peaks));
}

async function measureServe(options: Options): Promise<void> {
  const count = runs(options, 3);
  const figures = await measureServeMemory(options.paths, options.paths.decksDir, count);
  record(options, 'rssMB', figures.rssMB, count);
  extra(options, 'serve peak RSS up to then (VmHWM)', 'MiB', figures.peakRssMB);
  extra(options, 'serve start, spawn to URL printed', 'ms', figures.startMs);
  const bundled = await measureServeMemory(options.paths, bundledDecksOnly(options.paths), count);
  extra(options, 'serve RSS, bundled deck files only', 'MiB', bundled.rssMB);
  extra(options, 'serve start, bundled deck files only', 'ms', bundled.startMs);
}

async function measureBrowser(options: Options): Promise<void> {
  const count = runs(options, 5);
  const figures = await measureFirstCard(options.paths, options.paths.decksDir, count);
  record(options, 'firstCardMs', figures.firstCardMs, count);
  extra(options, 'navigation to Home ready', 'ms', figures.homeMs);
  extra(options, '"Study now" click to card front', 'ms', figures.studyMs);
}

function build(log: (line: string) => void): void {
  log('building dist/ with scripts/build.mjs ...');
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/build.mjs failed: ${result.stderr.slice(-2000)}`);
}

async function main(): Promise<void> {
  const values = parseOptions();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  configureLogging({ level: 'warn' });
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const fixture = resolve(values.fixture ?? '.bench-data/fixture');
  const manifest = readManifest(fixture);
  const workDir = resolve('.bench-data/work');
  const paths = benchPaths(fixture, workDir);
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    fixture,
    machineBefore: describeMachine(),
    machineAfter: null,
    figures: emptyFigures(),
    runs: {},
    extras: [],
    notes: [],
  };
  const options: Options = { paths, manifest, scale: values.scale, report, log };
  const { only } = values;

  if (!values['no-build'] && (only.has('bundle') || only.has('serve') || only.has('browser'))) build(log);
  await buildChildren(paths.childDir);
  if (only.has('bundle')) {
    await attempt(options, 'bundle', async () => {
      const bundle = measureBundle(resolve('dist/renderer'));
      record(options, 'bundleKBGzip', summarize([bundle.gzipKB]), 1);
      report.notes.push(`initial JS: ${bundle.files.join(', ')} (${Math.round(bundle.rawKB)} KiB before gzip)`);
    });
  }
  if (only.has('open')) await attempt(options, 'open', () => measureOpen(options));
  if (only.has('core')) await attempt(options, 'core', () => measureCore(options));
  if (only.has('backup')) await attempt(options, 'backup', () => measureBackup(options));
  if (only.has('export')) await attempt(options, 'review-log export', () => measureRevlogExport(options));
  if (only.has('json')) await attempt(options, 'JSON round trip', () => measureJsonRoundTrip(options));
  if (only.has('serve')) await attempt(options, 'serve', () => measureServe(options));
  if (only.has('browser')) await attempt(options, 'browser', () => measureBrowser(options));
  report.machineAfter = describeMachine();

  const resultsDir = resolve('.bench-data/results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsPath = join(resultsDir, `${report.date.replaceAll(':', '-')}.json`);
  writeFileSync(resultsPath, `${JSON.stringify({ ...report, manifest: { ...manifest, sampleCardIds: undefined } }, null, 2)}\n`);
  log(`full results written to ${resultsPath}`);
  process.stdout.write(values.json ? `${JSON.stringify(figuresJson(report))}\n` : `${formatTable(report)}\n`);
}

main()
  // Exit explicitly: a browser or server handle left by a failed group must not keep the run alive.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

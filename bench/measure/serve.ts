import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_MARKER_FILE } from '../../src/core/app.js';
import { launchBrowser, newPage } from '../../tests/e2e/harness.js';
import { summarize, type Sample } from '../lib/sample.js';
import type { BenchPaths } from './context.js';

export interface ServeFigures {
  /** Resident set size of the serve process once Home and today's first study step were served. */
  rssMB: Sample;
  /** The highest resident set size the process reached up to then (VmHWM). */
  peakRssMB: Sample;
  startMs: Sample;
}

export interface FirstCardFigures {
  /** From navigation to the card front visible, with the click on "Study now" in between. */
  firstCardMs: Sample;
  /** From navigation to the "Study now" button visible on Home. */
  homeMs: Sample;
  /** From the click on "Study now" to the card front visible. */
  studyMs: Sample;
}

/** Reads a field of /proc/<pid>/status in MiB, e.g. VmRSS or VmHWM (Linux only). */
function procStatusMB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field} line.`);
  return Number(match[1]) / 1024;
}

interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  pid: number;
  stop(): Promise<void>;
}

/** How long serve may take to print its URL: parsing the fixture's 43 MB of deck YAML takes about 30 s here. */
const START_TIMEOUT_MS = 300_000;

/**
 * Starts `node dist/server/cli.js` like the end-to-end harness does, with a
 * longer wait for the URL line, because the harness's 30 s are too short for
 * the fixture's 40 deck files.
 */
function startServe(dataDir: string, decksDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['dist/server/cli.js', '--port', '0', '--data-dir', dataDir, '--no-open'], {
    env: { ...process.env, REHEARSE_LOG_LEVEL: 'warn', REHEARSE_DECKS_DIR: decksDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print its URL in ${START_TIMEOUT_MS / 1000} s; stderr: ${stderr.slice(-500)}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with code ${String(code)}; stderr: ${stderr.slice(-500)}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Rehearse is running at (\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = new URL(match[1]!);
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({ url: match[1]!, origin: url.origin, token: url.hash.replace('#token=', ''), pid: child.pid!, stop });
    });
  });
}

/** Copies the fixture's copies of the bundled decks into a folder of their own and returns its path. */
export function bundledDecksOnly(paths: BenchPaths): string {
  const folder = join(paths.workDir, 'bundled-decks');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(paths.decksDir).filter((file) => file.endsWith('.yaml') && !file.startsWith('bench-'))) {
    copyFileSync(join(paths.decksDir, name), join(folder, name));
  }
  return folder;
}

async function callApi(serve: ServeProcess, method: string, payload: unknown): Promise<void> {
  const response = await fetch(`${serve.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} over HTTP failed: ${body.error?.message ?? response.status}`);
}

/**
 * Starts `serve` on the fixture. A marker left by a killed run would start a
 * quick check in the background and load the measurement, so a stale one is removed first.
 */
async function startFixtureServe(paths: BenchPaths, decksDir: string): Promise<ServeProcess> {
  const marker = join(paths.dataDir, OPEN_MARKER_FILE);
  if (existsSync(marker)) rmSync(marker);
  return startServe(paths.dataDir, decksDir);
}

/** Starts serve `runs` times; each time builds Home and the first study step over HTTP, then reads its memory. */
export async function measureServeMemory(paths: BenchPaths, decksDir: string, runs: number): Promise<ServeFigures> {
  const rss: number[] = [];
  const peak: number[] = [];
  const start: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const serve = await startFixtureServe(paths, decksDir);
    start.push(performance.now() - started);
    try {
      await callApi(serve, 'getHome', {});
      await callApi(serve, 'getStudyStep', { deckId: null });
      rss.push(procStatusMB(serve.pid, 'VmRSS'));
      peak.push(procStatusMB(serve.pid, 'VmHWM'));
    } finally {
      await serve.stop();
    }
  }
  return { rssMB: summarize(rss), peakRssMB: summarize(peak), startMs: summarize(start) };
}

/**
 * Loads the app in headless Chromium against serve on the fixture, each run
 * in a fresh browser context (empty cache), and times navigation → Home →
 * "Study now" → card front visible.
 */
export async function measureFirstCard(paths: BenchPaths, decksDir: string, runs: number): Promise<FirstCardFigures> {
  const serve = await startFixtureServe(paths, decksDir);
  const { browser, cleanup } = await launchBrowser();
  const total: number[] = [];
  const home: number[] = [];
  const study: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const { context, page } = await newPage(browser);
      try {
        const started = performance.now();
        await page.goto(serve.url, { waitUntil: 'commit' });
        const studyNow = page.getByRole('button', { name: /study now/i }).first();
        await studyNow.waitFor({ state: 'visible' });
        const homeShown = performance.now();
        await studyNow.click();
        await page.getByTestId('card-front').waitFor({ state: 'visible' });
        const cardShown = performance.now();
        total.push(cardShown - started);
        home.push(homeShown - started);
        study.push(cardShown - homeShown);
      } finally {
        await context.close();
      }
    }
  } finally {
    await cleanup();
    await serve.stop();
  }
  return { firstCardMs: summarize(total), homeMs: summarize(home), studyMs: summarize(study) };
}

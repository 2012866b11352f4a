import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Chromium for end-to-end tests: REHEARSE_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.REHEARSE_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const SERVER_ENTRY = 'dist/server/cli.js';

/**
 * Decides whether end-to-end suites run. Without a browser they are skipped with a
 * message, except in CI (CI=true), where a missing browser fails the run.
 */
export function e2eEnabled(): boolean {
  if (HAS_CHROMIUM && existsSync(SERVER_ENTRY)) return true;
  const reason = !HAS_CHROMIUM
    ? `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set REHEARSE_CHROMIUM`
    : `${SERVER_ENTRY} is missing: run npm run build first`;
  if (process.env.CI === 'true') throw new Error(`End-to-end tests cannot run: ${reason}.`);
  process.stderr.write(`Skipping end-to-end tests: ${reason}.\n`);
  return false;
}

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node dist/server/cli.js` on a free loopback port and waits for its URL line. */
export async function startServe(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs], {
    env: { ...process.env, REHEARSE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL in 30 s; stderr: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Rehearse is running at (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with code ${code}; stderr: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Launches headless Chromium with the flags this machine needs. Playwright
 * gives every launch a fresh temporary profile (--user-data-dir) of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; cleanup: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    cleanup: async () => {
      await browser.close();
    },
  };
}

export function makeDataDir(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'rehearse-e2e-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export async function newPage(browser: Browser, width = 1000, height = 700): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  return { context, page };
}

/** The running server and browser of one end-to-end suite. `serve` may be replaced by a test that restarts it. */
export interface E2eSession {
  serve: ServeProcess;
  browser: Browser;
  dataDir: string;
}

/**
 * Starts `serve` on a fresh data folder and a browser before the suite's tests,
 * and stops both and removes the folder after them. Call inside `describe`.
 */
export function useServeAndBrowser(): E2eSession {
  const session = {} as E2eSession;
  let folder: ReturnType<typeof makeDataDir> | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    folder = makeDataDir();
    session.dataDir = folder.path;
    session.serve = await startServe(folder.path);
    ({ browser: session.browser, cleanup: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await session.serve?.stop();
    folder?.cleanup();
  });

  return session;
}

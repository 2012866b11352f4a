import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_MARKER_FILE } from '../../src/core/app.js';
import { startHttpHost, startHttpHostForApp } from '../../src/server/server.js';
import { startServe, type ServeProcess } from '../e2e/harness.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const SERVER_ENTRY = 'dist/server/cli.js';
const TOKEN = 'b'.repeat(64);

/** Listens on a free loopback port, so a host started on it fails with EADDRINUSE. */
async function occupyPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    blocker.once('error', reject);
    blocker.listen(0, '127.0.0.1', () => resolve());
  });
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('the blocking server has no TCP address');
  return { port: address.port, release: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

let handle: TempApp | null;
let blocked: { port: number; release: () => Promise<void> };

beforeEach(async () => {
  handle = null;
  blocked = await occupyPort();
});

afterEach(async () => {
  await blocked.release();
  handle?.cleanup();
});

describe('host start on a busy port', () => {
  it('startHttpHost names the busy port', async () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 1) }, start: Date.parse('2026-06-01T12:00:00Z') });
    const options = { handlers: handle.app.handlers, token: TOKEN, staticRoot: handle.dataDir, logger: testLogger };

    await expect(startHttpHost(options, blocked.port)).rejects.toThrow(`Port ${blocked.port} on 127.0.0.1 is already in use`);
  });

  it('closes the app and removes the open marker', async () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 1) }, start: Date.parse('2026-06-01T12:00:00Z') });
    const markerPath = join(handle.dataDir, OPEN_MARKER_FILE);
    expect(existsSync(markerPath)).toBe(true);
    const app = handle.app;
    const options = () => ({ handlers: app.handlers, token: TOKEN, staticRoot: handle!.dataDir, logger: testLogger });

    await expect(startHttpHostForApp(app, options, blocked.port)).rejects.toThrow(/already in use/);

    expect(existsSync(markerPath)).toBe(false);
    expect(app.db.open).toBe(false);
    expect(handle.reopen().health.uncleanShutdown).toBe(false);
  });

  it('closes the app when the host options fail', async () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 1) }, start: Date.parse('2026-06-01T12:00:00Z') });
    const markerPath = join(handle.dataDir, OPEN_MARKER_FILE);
    const failingOptions = () => {
      throw new Error('export host could not be set up');
    };

    await expect(startHttpHostForApp(handle.app, failingOptions, 0)).rejects.toThrow('export host could not be set up');

    expect(existsSync(markerPath)).toBe(false);
  });
});

/** Reports whether the built server exists. Without a build the test is skipped, but in CI (CI=true) a missing build fails the run. */
function cliBuilt(): boolean {
  if (existsSync(SERVER_ENTRY)) return true;
  if (process.env.CI === 'true') throw new Error(`${SERVER_ENTRY} is missing: run npm run build first.`);
  process.stderr.write(`Skipping the npm run serve busy-port test: ${SERVER_ENTRY} is missing. Run npm run build first.\n`);
  return false;
}

/** Runs the built server once and returns its exit code and standard error. */
function runServeOnce(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--no-open', ...args], {
    env: { ...process.env, REHEARSE_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve timed out: it did not exit within 30 s. Its standard error: ${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe.skipIf(!cliBuilt())('npm run serve on a busy port', () => {
  let base: string;
  let serve: ServeProcess | null = null;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'rehearse-busy-port-'));
  });

  afterEach(async () => {
    await serve?.stop();
    serve = null;
    rmSync(base, { recursive: true, force: true });
  });

  it('exits cleanly, and the next start is clean', async () => {
    const dataDir = join(base, 'data');

    const failed = await runServeOnce(['--data-dir', dataDir, '--port', String(blocked.port)]);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`Port ${blocked.port} on 127.0.0.1 is already in use`);
    expect(existsSync(join(dataDir, OPEN_MARKER_FILE))).toBe(false);

    serve = await startServe(dataDir);
    const response = await fetch(`${serve.origin}/api/listBackups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { ok: boolean; value: { uncleanShutdown: boolean } };
    expect(body.ok).toBe(true);
    expect(body.value.uncleanShutdown).toBe(false);
  }, 60_000);
});

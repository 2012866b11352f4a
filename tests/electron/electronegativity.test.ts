import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts', 'electronegativity.mjs');

// Main processes as esbuild writes them: CommonJS in .cjs files, which the tool skips by name.
const UNSAFE_MAIN = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`;

const LOCKED_WINDOW = `const { BrowserWindow, session } = require('electron');
const window = new BrowserWindow({
  webPreferences: { preload: 'preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false },
});
`;

const SAFE_MAIN = `${LOCKED_WINDOW}
window.webContents.on('will-navigate', (event) => event.preventDefault());
window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
`;

let base: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'rehearse-scan-'));
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Writes a fake build (main.cjs, preload.cjs, renderer/index.html) and scans it. */
function scanBuild(main: string) {
  const electronDir = join(base, 'electron');
  const rendererDir = join(base, 'renderer');
  mkdirSync(electronDir);
  mkdirSync(rendererDir);
  writeFileSync(join(electronDir, 'main.cjs'), main);
  writeFileSync(join(electronDir, 'preload.cjs'), "require('electron');\n");
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fixture</title>');
  return runScan(['--electron', electronDir, '--renderer', rendererDir]);
}

function runScan(args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('electronegativity scan', () => {
  it('fails on disabled context isolation', () => {
    const result = scanBuild(UNSAFE_MAIN);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/HIGH \w+ CONTEXT_ISOLATION_JS_CHECK at .*main\.cjs:2/);
    expect(result.stderr).toContain('electronegativity scan failed');
  });

  it('fails without navigation limits', () => {
    const result = scanBuild(LOCKED_WINDOW);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('HIGH CERTAIN LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('passes a locked-down main process', () => {
    const result = scanBuild(SAFE_MAIN);
    expect(result.stdout).toContain('no HIGH findings');
    expect(result.status).toBe(0);
  });

  it('fails on a file it cannot parse', () => {
    const result = scanBuild('new BrowserWindow({ webPreferences: {');
    expect(result.stderr).toContain('Could not parse');
    expect(result.status).toBe(1);
  });

  it('missing build exits 2', () => {
    const result = runScan(['--electron', join(base, 'none'), '--renderer', join(base, 'none')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run npm run build first');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/server/nodeVersion.js';

const SERVER_ENTRY = 'dist/server/cli.js';

/** Returns the machine's own Node.js when it is older than 24 (the build machines carry Node 20), else null. */
function olderNode(): string | null {
  const path = '/usr/bin/node';
  if (!existsSync(path)) return null;
  const major = Number(execFileSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());
  return major < 24 ? path : null;
}

describe('unsupportedNodeMessage', () => {
  it.each([
    ['20.20.2', true],
    ['22.12.0', true],
    ['23.11.1', true],
    ['24.0.0', false],
    ['24.22.3', false],
    ['26.1.0', false],
  ])('Node %s rejected: %s', (version, rejected) => {
    expect(unsupportedNodeMessage(version) !== null).toBe(rejected);
  });

  it('message names the version found', () => {
    expect(unsupportedNodeMessage('20.20.2')).toMatch(/Node\.js 24 or newer.*20\.20\.2/);
  });
});

const older = olderNode();

// On Node 20, better-sqlite3 13 raises no error: the process dies with SIGSEGV.
describe.skipIf(older === null || !existsSync(SERVER_ENTRY))('serve on an old Node.js', () => {
  it('stops with a message instead of crashing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rehearse-old-node-'));
    try {
      const result = spawnSync(older!, [SERVER_ENTRY, '--port', '0', '--data-dir', dataDir, '--no-open'], { encoding: 'utf8', timeout: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/needs Node\.js 24 or newer/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

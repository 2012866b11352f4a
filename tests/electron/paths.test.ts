import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_LOG_BYTES, openLogFile } from '../../src/electron/logFile.js';
import { bundledDecksDir, chooseDataDir, readDataDirFlag } from '../../src/electron/paths.js';

describe('readDataDirFlag', () => {
  it.each([
    [['electron', '.', '--data-dir=/d'], '/d'],
    [['electron', '.', '--data-dir', '/d'], '/d'],
    [['Rehearse', '--data-dir=/a b'], '/a b'],
    [['electron', '.'], undefined],
    [['electron', '.', '--data-dir='], undefined],
    [['electron', '.', '--data-dir'], undefined],
    [['electron', '.', '--data-directory=/d'], undefined],
  ])('%j gives %s', (argv, expected) => {
    expect(readDataDirFlag(argv)).toBe(expected);
  });
});

describe('chooseDataDir', () => {
  const base = { userDataPath: '/home/u/.config/Rehearse', cwd: '/work' };

  it.each([
    ['flag wins over env', ['x', '--data-dir=/flag'], { REHEARSE_DATA_DIR: '/env' }, '/flag'],
    ['env without flag', ['x'], { REHEARSE_DATA_DIR: '/env' }, '/env'],
    ['empty env', ['x'], { REHEARSE_DATA_DIR: '' }, '/home/u/.config/Rehearse'],
    ['userData by default', ['x'], {}, '/home/u/.config/Rehearse'],
    ['relative flag', ['x', '--data-dir', 'data'], {}, join('/work', 'data')],
  ])('%s', (_name, argv, env, expected) => {
    expect(chooseDataDir({ ...base, argv, env })).toBe(expected);
  });
});

describe('bundledDecksDir', () => {
  it.each([
    [true, join('/opt/Rehearse/resources', 'decks')],
    [false, join('/src/rehearse', 'decks')],
  ])('packaged %s', (isPackaged, expected) => {
    const resourcesPath = '/opt/Rehearse/resources';
    const sources = { isPackaged, resourcesPath, appPath: '/src/rehearse' };
    expect(bundledDecksDir(sources)).toBe(expected);
  });
});

describe('openLogFile', () => {
  function withDataDir(run: (dataDir: string) => void): void {
    const dataDir = mkdtempSync(join(tmpdir(), 'rehearse-log-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      run(dataDir);
    } finally {
      stderr.mockRestore();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('appends lines to logs/main.log', () => {
    withDataDir((dataDir) => {
      const log = openLogFile(dataDir);
      log.sink('first');
      log.sink('second');
      log.close();
      expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toBe('first\nsecond\n');
    });
  });

  it('writes nothing after close', () => {
    withDataDir((dataDir) => {
      const log = openLogFile(dataDir);
      log.close();
      log.sink('late');
      expect(readFileSync(log.path, 'utf8')).toBe('');
    });
  });

  it('rotates a large log', () => {
    withDataDir((dataDir) => {
      mkdirSync(join(dataDir, 'logs'));
      writeFileSync(join(dataDir, 'logs', 'main.log'), Buffer.alloc(MAX_LOG_BYTES + 1));
      const log = openLogFile(dataDir);
      log.close();
      expect(statSync(join(dataDir, 'logs', 'main.old.log')).size).toBe(MAX_LOG_BYTES + 1);
      expect(statSync(log.path).size).toBe(0);
    });
  });
});

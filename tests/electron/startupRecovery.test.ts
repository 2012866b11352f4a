import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../src/core/app.js';
import { backupName } from '../../src/core/backup/store.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
const { startDesktopApp } = await import('../../src/electron/lifecycle.js');
const { MAX_RECOVERY_ROUNDS } = await import('../../src/electron/startupFailure.js');

const repoDecks = join(process.cwd(), 'decks');
const logger = createLogger('test');
const RESTORE = 0;
const START_FRESH = 1;
const QUIT = 2;

let base: string;
let dataDir: string;
let databasePath: string;
let dialogAnswers: number[];

type MessageBoxOptions = { message: string; detail: string; buttons: string[]; cancelId: number };

function dialogs(): MessageBoxOptions[] {
  return fake.dialog.showMessageBox.mock.calls.map((call) => call[0] as MessageBoxOptions);
}

function start() {
  return startDesktopApp({
    bundleDir: join(base, 'dist', 'electron'),
    argv: ['electron', '.', `--data-dir=${dataDir}`],
    env: {},
    cwd: base,
  });
}

/** Creates a data folder with one answered card, optionally backed up, the way a user's looks. */
async function seedDataFolder(options: { backup: boolean }): Promise<void> {
  const seeded = openApp({ dataDir, decksDir: repoDecks, logger });
  const step = await seeded.handlers.getStudyStep({ deckId: null });
  await seeded.handlers.answerCard({
    deckId: null,
    cardId: step.card!.id,
    rating: 3,
    requestId: 'seeded-answer-1',
    durationMs: 1000,
  });
  if (options.backup) await seeded.backups.backupNow('on-request');

  // Settings rows make the file span many pages, so truncation cuts real data.
  for (let index = 0; index < 200; index += 1) {
    seeded.context.repositories.settings.set(`padding-${index}`, 'x'.repeat(500));
  }
  seeded.close();
}

function reviewCount(db: { prepare(sql: string): { get(): unknown } }): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM review_log').get() as { n: number }).n;
}

function filesSetAside(): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith('rehearse-unreadable-'));
}

const damages = [
  {
    name: 'truncated file',
    damage: () => truncateSync(databasePath, Math.floor(statSync(databasePath).size / 3)),
    summary: /damaged and cannot be read/,
  },
  {
    name: 'random bytes',
    damage: () => {
      const bytes = Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 2_654_435_761) % 256));
      writeFileSync(databasePath, bytes);
    },
    summary: /damaged and cannot be read/,
  },
  {
    name: 'newer version',
    damage: () => {
      const db = new Database(databasePath);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    },
    summary: /newer version of Rehearse/,
  },
];

beforeEach(() => {
  fake.resetFakeElectron();
  base = mkdtempSync(join(tmpdir(), 'rehearse-recovery-'));
  dataDir = join(base, 'data');
  databasePath = join(dataDir, 'rehearse.db');
  mkdirSync(join(base, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(base, 'dist', 'renderer', 'index.html'), '<title>Rehearse</title>');
  captureLogs();
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

  // Each dialog takes the next queued button index; the notice after a recovery gets 0 (OK).
  dialogAnswers = [];
  fake.dialog.showMessageBox.mockImplementation(async () => ({
    response: dialogAnswers.shift() ?? 0,
    checkboxChecked: false,
  }));
});

afterEach(() => {
  fake.app.emit('will-quit', new fake.FakeEvent());
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe.each(damages)('$name at start-up', ({ damage, summary }) => {
  it('dialog explains and offers three choices', async () => {
    await seedDataFolder({ backup: true });
    damage();
    dialogAnswers.push(QUIT);

    await start();

    const [shown] = dialogs();
    expect(shown?.message).toMatch(summary);
    expect(shown?.detail).toContain(databasePath);
    expect(shown?.buttons).toEqual([
      'Restore newest backup',
      'Start fresh (keep the old file aside)',
      'Quit',
    ]);
    expect(shown?.cancelId).toBe(QUIT);
  });

  it('restore brings back the backup', async () => {
    await seedDataFolder({ backup: true });
    damage();
    const damaged = readFileSync(databasePath);
    dialogAnswers.push(RESTORE);

    const host = await start();

    expect(host).not.toBeNull();
    expect(reviewCount(host!.rehearse.db)).toBe(1);
    const [aside] = filesSetAside();
    expect(readFileSync(join(dataDir, aside!)).equals(damaged)).toBe(true);
    expect(dialogs()[1]?.detail).toMatch(/^Restored the backup rehearse-\d{8}T\d{9}Z-on-request\.db\.gz\./);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('start fresh keeps the old file', async () => {
    await seedDataFolder({ backup: true });
    damage();
    const damaged = readFileSync(databasePath);
    dialogAnswers.push(START_FRESH);

    const host = await start();

    expect(reviewCount(host!.rehearse.db)).toBe(0);
    const [aside] = filesSetAside();
    expect(readFileSync(join(dataDir, aside!)).equals(damaged)).toBe(true);
    expect(dialogs()[1]?.detail).toContain('Started with a new data file');
  });

  it('quit leaves the file untouched', async () => {
    await seedDataFolder({ backup: true });
    damage();
    const damaged = readFileSync(databasePath);
    dialogAnswers.push(QUIT);

    const host = await start();

    expect(host).toBeNull();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(readFileSync(databasePath).equals(damaged)).toBe(true);
    expect(filesSetAside()).toEqual([]);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('recovery without a usable backup', () => {
  it('restore failure offers the choice again', async () => {
    await seedDataFolder({ backup: false });
    writeFileSync(databasePath, 'this is not a database file at all');
    dialogAnswers.push(RESTORE, START_FRESH);

    const host = await start();

    expect(host).not.toBeNull();
    expect(dialogs()[1]?.detail).toMatch(/^Restore newest backup failed: No usable backup was found/);
    expect(readFileSync(join(dataDir, filesSetAside()[0]!), 'utf8')).toBe(
      'this is not a database file at all',
    );
  });

  it('gives up after repeated failures', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath, 'junk');
    dialogAnswers.push(...Array<number>(MAX_RECOVERY_ROUNDS).fill(RESTORE));

    const host = await start();

    expect(host).toBeNull();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(MAX_RECOVERY_ROUNDS);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Rehearse could not start',
      expect.stringContaining('cannot be read'),
    );
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('skips a backup of a newer schema', async () => {
    await seedDataFolder({ backup: true });
    const newerBackup = join(base, 'newer.db');
    const newer = new Database(newerBackup);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();
    // Named a day later than any real backup, so it is the newest in the list.
    const newestName = backupName(Date.now() + 86_400_000);
    writeFileSync(join(dataDir, 'backups', newestName), gzipSync(readFileSync(newerBackup)));
    damages[2]!.damage();
    dialogAnswers.push(RESTORE);

    const host = await start();

    expect(reviewCount(host!.rehearse.db)).toBe(1);
    expect(dialogs()[1]?.detail).not.toContain(newestName);
  });
});

describe('failures without recovery', () => {
  it('locked database shows only an error', async () => {
    const holder = openApp({ dataDir, decksDir: repoDecks, logger });
    try {
      await start();
    } finally {
      holder.close();
    }
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
  });
});

describe('background tasks', () => {
  it('start-up backup runs after the window opens', async () => {
    const host = await start();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);

    await vi.waitFor(() => expect(host!.rehearse.backups.list()).toHaveLength(1));
    expect(existsSync(join(dataDir, 'backups'))).toBe(true);
  });
});

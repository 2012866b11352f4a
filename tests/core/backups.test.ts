import { readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { openApp } from '../../src/core/app.js';
import { BACKUP_REASONS, type BackupReason } from '../../src/core/backup/reasons.js';
import { restoreNewestGoodBackup, moveDatabaseAside } from '../../src/core/backup/recovery.js';
import { backupName, parseBackupName } from '../../src/core/backup/store.js';
import { ConflictError } from '../../src/core/errors.js';
import { answerCard } from '../../src/core/review/service.js';
import { DatabaseCorruptError, DatabaseTooNewError } from '../../src/db/errors.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/db/migrations/index.js';
import DatabaseConstructor from 'better-sqlite3';
import { configureLogging } from '../../src/log/logger.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
let handle: TempApp;
afterEach(() => handle?.cleanup());

function open(): TempApp {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 5) }, start: START });
  return handle;
}

function answer(cardId: string, requestId: string): void {
  answerCard(handle.app.context, { deckId: null, cardId, rating: 3, requestId, durationMs: 1000 });
}

/**
 * Collects every log line from now until the end of the test. The suite's own
 * configuration (errors only, written nowhere) comes back afterwards.
 */
function captureLogLines(): string[] {
  const lines: string[] = [];
  configureLogging({ level: 'debug', sink: (line) => lines.push(line) });
  onTestFinished(() => configureLogging({ level: 'error', sink: () => undefined }));
  return lines;
}

function reviewCount(): number {
  return (handle.app.db.prepare('SELECT COUNT(*) AS n FROM review_log').get() as { n: number }).n;
}

function reopenExpectingError(): unknown {
  try {
    openApp({ dataDir: handle.dataDir, decksDir: handle.decksDir, logger: testLogger, clock: handle.clock });
  } catch (error) {
    return error;
  }
  return null;
}


/** Closes the app and puts the database an older release would have left in its place: every migration but the last. */
function replaceWithOlderDatabase(): void {
  handle.app.close();
  const path = join(handle.dataDir, 'rehearse.db');
  rmSync(path);
  const older = new DatabaseConstructor(path);
  for (const migration of MIGRATIONS.slice(0, -1)) migration.up(older);
  older.pragma(`user_version = ${LATEST_VERSION - 1}`);
  older.close();
}

describe('backups', () => {
  it('backup and restore round trip', async () => {
    open();
    answer('alpha-1', 'request-one');
    const first = await handle.app.backups.backupNow('on-request');
    handle.clock.now += 60_000;
    answer('alpha-2', 'request-two');
    expect(reviewCount()).toBe(2);

    const result = await handle.app.handlers.restoreBackup({ name: first.name });
    expect(result.restored).toBe(first.name);
    expect(reviewCount()).toBe(1);
    // The state just before the restore was backed up, so the restore can itself be undone.
    await handle.app.handlers.restoreBackup({ name: result.safetyBackup });
    expect(reviewCount()).toBe(2);
  });

  it('backup files are gzip with no partial leftovers', async () => {
    open();
    const entry = await handle.app.backups.backupNow('on-request');
    const folder = join(handle.dataDir, 'backups');
    expect(readdirSync(folder)).toEqual([entry.name]);
    const bytes = readFileSync(join(folder, entry.name));
    expect(bytes[0]).toBe(0x1f);
    expect(bytes[1]).toBe(0x8b);
  });

  // Checking the unpacked copy opens it read-only, and SQLite then creates -wal and -shm files
  // beside it that the rename into place does not take along.
  it('restore leaves no unpacking files', async () => {
    open();
    const entry = await handle.app.backups.backupNow('on-request');
    await handle.app.handlers.restoreBackup({ name: entry.name });
    expect(readdirSync(handle.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('restore of an unknown name is rejected', async () => {
    open();
    await expect(handle.app.handlers.restoreBackup({ name: 'rehearse-20990101T000000000Z.db.gz' })).rejects.toThrow(/was not found/);
    await expect(handle.app.handlers.restoreBackup({ name: '../rehearse.db' })).rejects.toThrow(/is not a Rehearse backup name/);
  });

  interface RejectedRestore {
    name: string;
    backupName: string;
    /** Writes the file the restore reads into the backups folder, if any. */
    prepare?: (path: string) => void;
    error: RegExp;
  }
  const rejectedRestores: RejectedRestore[] = [
    { name: 'path outside the folder', backupName: '../rehearse.db', error: /"\.\.\/rehearse\.db" is not a Rehearse backup name/ },
    { name: 'short name', backupName: 'x', error: /"x" is not a Rehearse backup name/ },
    {
      name: 'trailing newline, quoted in the message',
      backupName: 'rehearse-20260101T000000000Z.db.gz\n',
      error: /^"rehearse-20260101T000000000Z\.db\.gz\\n" is not a Rehearse backup name/,
    },
    {
      name: 'unknown kind',
      backupName: 'rehearse-20260101T000000000Z-before-lunch.db.gz',
      prepare: (path) => writeFileSync(path, 'never read'),
      error: /"rehearse-20260101T000000000Z-before-lunch\.db\.gz" is not a Rehearse backup name/,
    },
    {
      name: 'kind with a path',
      backupName: 'rehearse-20260101T000000000Z-on-request.db.gz/../../rehearse.db',
      error: /is not a Rehearse backup name/,
    },
    { name: 'missing file', backupName: 'rehearse-20990101T000000000Z.db.gz', error: /Backup "rehearse-20990101T000000000Z\.db\.gz" was not found/ },
    {
      name: 'not gzip',
      backupName: 'rehearse-20260101T000000000Z.db.gz',
      prepare: (path) => writeFileSync(path, 'plain text, not gzip'),
      error: /cannot be unpacked/,
    },
    {
      name: 'gzip of text',
      backupName: 'rehearse-20260101T000000000Z.db.gz',
      prepare: (path) => writeFileSync(path, gzipSync(Buffer.from('not a database, only text '.repeat(200)))),
      error: /is damaged/,
    },
    {
      name: 'newer schema',
      backupName: 'rehearse-20260101T000000000Z.db.gz',
      prepare: (path) => {
        const plain = `${path}.plain`;
        const newer = new DatabaseConstructor(plain);
        newer.exec('CREATE TABLE future (id INTEGER PRIMARY KEY)');
        newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
        newer.close();
        writeFileSync(path, gzipSync(readFileSync(plain)));
        rmSync(plain);
      },
      error: new RegExp(`schema version ${LATEST_VERSION + 1}.*newer`),
    },
  ];

  it.each(rejectedRestores)('rejected restore of $name writes no backup', async ({ backupName, prepare, error }) => {
    open();
    answer('alpha-1', 'request-kept');
    await handle.app.backups.backupNow('on-request');
    const folder = join(handle.dataDir, 'backups');
    prepare?.(join(folder, backupName));
    const filesBefore = readdirSync(folder).sort();
    const logLines = captureLogLines();

    await expect(handle.app.handlers.restoreBackup({ name: backupName })).rejects.toThrow(error);

    expect(readdirSync(folder).sort()).toEqual(filesBefore);
    expect(logLines.filter((line) => line.includes('before-restore'))).toEqual([]);
    expect(readdirSync(handle.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
    // The live database stays open and usable.
    expect(reviewCount()).toBe(1);
    answer('alpha-2', 'request-after-rejected-restore');
    expect(reviewCount()).toBe(2);
  });

  it('second restore while one runs is rejected', async () => {
    open();
    answer('alpha-1', 'request-one');
    const first = await handle.app.backups.backupNow('on-request');
    handle.clock.now += 60_000;
    answer('alpha-2', 'request-two');

    const running = handle.app.handlers.restoreBackup({ name: first.name });
    const second = handle.app.handlers.restoreBackup({ name: first.name });

    await expect(second).rejects.toThrow(ConflictError);
    await expect(running).resolves.toMatchObject({ restored: first.name });
    expect(reviewCount()).toBe(1);
    expect(readdirSync(handle.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('pending migration backs up first', () => {
    open();
    replaceWithOlderDatabase();

    handle.app = openTempAppAgain();
    const backups = readdirSync(join(handle.dataDir, 'backups')).filter((name) => name.endsWith('.db.gz'));
    expect(backups).toHaveLength(1);
    expect(handle.app.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('start-up backup runs when none is recent', async () => {
    open();
    handle.app.startBackgroundTasks();
    await new Promise((resolve) => setImmediate(resolve));
    await handle.app.backups.idle();
    expect(handle.app.backups.list()).toHaveLength(1);
  });

  it('backupIfChanged skips an unchanged database', async () => {
    open();
    await handle.app.backups.backupNow('on-request');
    expect(await handle.app.backups.backupIfChanged()).toBeNull();
    answer('alpha-1', 'request-change');
    handle.clock.now += 1000;
    expect(await handle.app.backups.backupIfChanged()).not.toBeNull();
  });
});

describe('backup names', () => {
  const INSTANT = Date.parse('2026-06-01T12:00:00.042Z');
  const cases: { name: string; file: string; parsed: { createdAt: number; reason: BackupReason | null } | null }[] = [
    { name: 'name without a kind', file: 'rehearse-20260601T120000042Z.db.gz', parsed: { createdAt: INSTANT, reason: null } },
    ...BACKUP_REASONS.map((reason) => ({
      name: `kind ${reason}`,
      file: `rehearse-20260601T120000042Z-${reason}.db.gz`,
      parsed: { createdAt: INSTANT, reason },
    })),
    { name: 'unknown kind', file: 'rehearse-20260601T120000042Z-before-lunch.db.gz', parsed: null },
    { name: 'kind in capitals', file: 'rehearse-20260601T120000042Z-BEFORE-RESTORE.db.gz', parsed: null },
    { name: 'kind without hyphen', file: 'rehearse-20260601T120000042Zon-request.db.gz', parsed: null },
    { name: 'two kinds', file: 'rehearse-20260601T120000042Z-changes-on-request.db.gz', parsed: null },
    { name: 'empty kind', file: 'rehearse-20260601T120000042Z-.db.gz', parsed: null },
    { name: 'path before the name', file: '../rehearse-20260601T120000042Z-on-request.db.gz', parsed: null },
    { name: 'path after the name', file: 'rehearse-20260601T120000042Z-on-request.db.gz/../../rehearse.db', parsed: null },
    { name: 'backslash path', file: '..\\rehearse-20260601T120000042Z.db.gz', parsed: null },
    { name: 'partial file', file: '.partial-rehearse-20260601T120000042Z-changes.db.gz', parsed: null },
    { name: 'file moved aside', file: 'rehearse-unreadable-20260601T120000042Z.db', parsed: null },
    { name: 'month 13', file: 'rehearse-20261301T120000042Z.db.gz', parsed: null },
    { name: 'hour 25', file: 'rehearse-20260601T250000042Z-changes.db.gz', parsed: null },
    { name: 'February 30', file: 'rehearse-20260230T120000042Z.db.gz', parsed: null },
    { name: 'leap day', file: 'rehearse-20280229T120000042Z.db.gz', parsed: { createdAt: Date.parse('2028-02-29T12:00:00.042Z'), reason: null } },
  ];

  it.each(cases)('parses $name', ({ file, parsed }) => {
    expect(parseBackupName(file)).toEqual(parsed);
  });

  it.each([null, ...BACKUP_REASONS])('built name with %s parses back', (reason) => {
    expect(parseBackupName(backupName(INSTANT, reason))).toEqual({ createdAt: INSTANT, reason });
  });
});

describe('backup reasons', () => {
  it('restore leaves a before-restore backup', async () => {
    open();
    const chosen = await handle.app.backups.backupNow('on-request');

    const result = await handle.app.handlers.restoreBackup({ name: chosen.name });

    const newest = (await handle.app.handlers.listBackups({})).backups[0]!;
    expect(newest.name).toBe(result.safetyBackup);
    expect(newest.reason).toBe('before-restore');
    expect(newest.name).toMatch(/-before-restore\.db\.gz$/);
  });

  // The clock does not move between the two backups, so only the store keeps their instants apart.
  it('same-instant backups keep their order', async () => {
    open();
    const chosen = await handle.app.backups.backupNow('on-request');
    const result = await handle.app.handlers.restoreBackup({ name: chosen.name });

    const backups = (await handle.app.handlers.listBackups({})).backups;
    expect(backups.map((entry) => entry.reason)).toEqual(['before-restore', 'on-request']);
    expect(backups[0]!.name).toBe(result.safetyBackup);
    expect(backups[0]!.createdAt).toBe(chosen.createdAt + 1);
  });

  it('backup now is on-request', async () => {
    open();
    const entry = await handle.app.handlers.backupNow({});
    expect(entry.reason).toBe('on-request');
    expect((await handle.app.handlers.listBackups({})).backups).toEqual([entry]);
  });

  it('start-up backup is start-up', async () => {
    open();
    handle.app.startBackgroundTasks();
    await new Promise((resolve) => setImmediate(resolve));
    await handle.app.backups.idle();
    expect(handle.app.backups.list().map((entry) => entry.reason)).toEqual(['start-up']);
  });

  it('backup after changes is changes', async () => {
    open();
    answer('alpha-1', 'request-change');
    const entry = await handle.app.backups.backupIfChanged();
    expect(entry?.reason).toBe('changes');
  });

  it('migration backup is before-migrating', () => {
    open();
    replaceWithOlderDatabase();

    handle.app = openTempAppAgain();
    expect(handle.app.backups.list().map((entry) => entry.reason)).toEqual(['before-migrating']);
  });

  it('old-style names list and restore', async () => {
    open();
    answer('alpha-1', 'request-one');
    const written = await handle.app.backups.backupNow('on-request');
    const folder = join(handle.dataDir, 'backups');
    const oldName = backupName(written.createdAt);
    renameSync(join(folder, written.name), join(folder, oldName));
    handle.clock.now += 60_000;
    answer('alpha-2', 'request-two');

    const listed = (await handle.app.handlers.listBackups({})).backups;
    expect(listed).toEqual([{ name: oldName, createdAt: written.createdAt, reason: null, sizeBytes: written.sizeBytes }]);

    const result = await handle.app.handlers.restoreBackup({ name: oldName });
    expect(result.restored).toBe(oldName);
    expect(reviewCount()).toBe(1);
    expect(handle.app.backups.list().map((entry) => entry.reason)).toEqual(['before-restore', null]);
  });

  it('list skips files with an unknown kind', async () => {
    open();
    const written = await handle.app.backups.backupNow('on-request');
    const folder = join(handle.dataDir, 'backups');
    writeFileSync(join(folder, 'rehearse-20260601T130000000Z-before-lunch.db.gz'), readFileSync(join(folder, written.name)));
    expect(handle.app.backups.list().map((entry) => entry.name)).toEqual([written.name]);
  });

  it('thinning keeps the newest safety copy', async () => {
    open();
    const chosen = await handle.app.backups.backupNow('on-request');
    const { safetyBackup } = await handle.app.handlers.restoreBackup({ name: chosen.name });
    handle.clock.now += 3_600_000;
    answer('alpha-1', 'request-after-restore');
    const later = (await handle.app.backups.backupIfChanged())!;
    // Three days on, the daily tier keeps only the newest backup of that day, which is `later`.
    handle.clock.now += 3 * 86_400_000;
    await handle.app.backups.backupNow('on-request');

    const names = handle.app.backups.list().map((entry) => entry.name);
    expect(names).toContain(safetyBackup);
    expect(names).toContain(later.name);
    expect(names).not.toContain(chosen.name);
  });
});

describe('unreadable database recovery', () => {
  const damages: { name: string; damage: (path: string) => void; error: new (...args: never[]) => Error }[] = [
    { name: 'truncated file', damage: (path) => truncateSync(path, Math.floor(statSync(path).size / 3)), error: DatabaseCorruptError },
    { name: 'random bytes', damage: (path) => writeFileSync(path, Buffer.from(Array.from({ length: 65_536 }, (_, index) => (index * 2_654_435_761) % 256))), error: DatabaseCorruptError },
    {
      name: 'newer version',
      damage: (path) => {
        const db = new DatabaseConstructor(path);
        db.pragma(`user_version = ${LATEST_VERSION + 1}`);
        db.close();
      },
      error: DatabaseTooNewError,
    },
  ];

  it.each(damages)('$name is never overwritten and restores from backup', async ({ damage, error }) => {
    open();
    answer('alpha-1', 'request-before-damage');
    await handle.app.backups.backupNow('on-request');
    // Grow the file past one page per table so truncation cuts real data.
    for (let index = 0; index < 200; index += 1) handle.app.context.repositories.settings.set(`padding-${index}`, 'x'.repeat(500));
    handle.app.close();
    const path = join(handle.dataDir, 'rehearse.db');
    damage(path);
    const damaged = readFileSync(path);

    expect(reopenExpectingError()).toBeInstanceOf(error);
    expect(readFileSync(path).equals(damaged)).toBe(true);

    const { movedAside } = await restoreNewestGoodBackup(handle.dataDir, handle.clock.now, testLogger);
    expect(readFileSync(movedAside).equals(damaged)).toBe(true);
    handle.app = openTempAppAgain();
    expect(reviewCount()).toBe(1);
  });

  it('recovery leaves no unpacking files', async () => {
    open();
    await handle.app.backups.backupNow('on-request');
    handle.app.close();
    writeFileSync(join(handle.dataDir, 'rehearse.db'), 'not a database');
    await restoreNewestGoodBackup(handle.dataDir, handle.clock.now, testLogger);
    expect(readdirSync(handle.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
    handle.app = openTempAppAgain();
  });

  it('start fresh keeps the old file aside', () => {
    open();
    handle.app.close();
    const path = join(handle.dataDir, 'rehearse.db');
    writeFileSync(path, 'not a database at all, just text');
    const aside = moveDatabaseAside(handle.dataDir, handle.clock.now);
    expect(readFileSync(aside, 'utf8')).toBe('not a database at all, just text');
    handle.app = openTempAppAgain();
    expect(reviewCount()).toBe(0);
  });

  it('restore without backups names the folder', async () => {
    open();
    handle.app.close();
    await expect(restoreNewestGoodBackup(handle.dataDir, handle.clock.now, testLogger)).rejects.toThrow(/No usable backup was found in .*backups/);
    handle.app = openTempAppAgain();
  });
});

function openTempAppAgain() {
  return openApp({ dataDir: handle.dataDir, decksDir: handle.decksDir, logger: testLogger, clock: handle.clock, timeZone: () => 'UTC' });
}

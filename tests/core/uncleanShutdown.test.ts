import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_MARKER_FILE, openApp } from '../../src/core/app.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp;
afterEach(() => handle?.cleanup());

function open(): TempApp {
  const decks = { 'alpha.yaml': basicDeckYaml('alpha', 5) };
  handle = openTempApp({ decks, start: Date.parse('2026-06-01T12:00:00Z') });
  return handle;
}

/** Opens the folder again without closing first, as the next start after a crash does. */
function restart(): void {
  const { dataDir, decksDir, clock } = handle;
  handle.app = openApp({ dataDir, decksDir, logger: testLogger, clock, timeZone: () => 'UTC' });
}

/** Waits for the quick check, which startBackgroundTasks schedules with setImmediate. */
async function runBackgroundTasks(): Promise<void> {
  handle.app.startBackgroundTasks();
  await new Promise((resolve) => setImmediate(resolve));
  await handle.app.backups.idle();
}

/** Leaves the open marker behind, as a process killed while it had the folder open does. */
function simulateCrash(): void {
  handle.app.close();
  writeFileSync(join(handle.dataDir, OPEN_MARKER_FILE), '12345\n');
}

/** Overwrites the page-type byte of the settings table's root page, which start-up never reads. */
function damageSettingsPage(): void {
  const path = join(handle.dataDir, 'rehearse.db');
  const db = new DatabaseConstructor(path);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const table = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'settings'");
  const { rootpage } = table.get() as { rootpage: number };
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([0x00]), 0, 1, (rootpage - 1) * pageSize);
  closeSync(fd);
}

describe('unclean shutdown', () => {
  it('clean close is not reported', async () => {
    open();
    handle.app.close();
    expect(existsSync(join(handle.dataDir, OPEN_MARKER_FILE))).toBe(false);
    restart();
    await runBackgroundTasks();

    const view = await handle.app.handlers.listBackups({});
    expect(view.uncleanShutdown).toBe(false);
    expect(view.problems).toEqual([]);
  });

  it('crash is reported after restart', async () => {
    open();
    simulateCrash();
    restart();
    await runBackgroundTasks();

    const view = await handle.app.handlers.listBackups({});
    expect(view.uncleanShutdown).toBe(true);
    expect(view.problems).toEqual([]);
  });

  it('finished check is reported', async () => {
    open();
    simulateCrash();
    restart();
    expect((await handle.app.handlers.listBackups({})).checked).toBe(false);

    await runBackgroundTasks();
    expect((await handle.app.handlers.listBackups({})).checked).toBe(true);
  });

  it('quick check lists damage after a crash', async () => {
    open();
    // Settings rows make the settings table span several pages, so its root is a page of its own.
    for (let index = 0; index < 200; index += 1) {
      handle.app.context.repositories.settings.set(`padding-${index}`, 'x'.repeat(500));
    }
    simulateCrash();
    damageSettingsPage();
    restart();
    expect(handle.app.health.problems).toEqual([]);

    await runBackgroundTasks();

    const view = await handle.app.handlers.listBackups({});
    expect(view.problems.length).toBeGreaterThan(0);
    expect(view.problems.join('\n')).toMatch(/SQLITE_CORRUPT|btreeInitPage|Page \d+/);
  });
});

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../src/core/api/methods.js';
import { openApp } from '../../src/core/app.js';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
const { startDesktopApp } = await import('../../src/electron/lifecycle.js');
const { CONTENT_SECURITY_POLICY } = await import('../../src/electron/protocol.js');

const repoDecks = join(process.cwd(), 'decks');
const logger = createLogger('test');
let base: string;
let dataDir: string;
let bundleDir: string;

function start(argv: string[] = ['electron', '.', `--data-dir=${dataDir}`]) {
  return startDesktopApp({ bundleDir, argv, env: {}, cwd: base });
}

function onlyWindow(): InstanceType<typeof fake.FakeBrowserWindow> {
  expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  return fake.FakeBrowserWindow.instances[0]!;
}

beforeEach(() => {
  fake.resetFakeElectron();
  base = mkdtempSync(join(tmpdir(), 'rehearse-main-'));
  dataDir = join(base, 'data');
  bundleDir = join(base, 'dist', 'electron');
  mkdirSync(join(base, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(base, 'dist', 'renderer', 'index.html'), '<title>Rehearse</title>');
  fake.app.paths.set('userData', join(base, 'userData'));
  captureLogs();
  // The desktop log sink copies every line to stderr; keep test output readable.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  // Closes the database and the log file the way quitting does.
  fake.app.emit('will-quit', new fake.FakeEvent());
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe('desktop start-up', () => {
  it('creates a secure window', async () => {
    await start();
    const options = onlyWindow().options;
    expect(options.webPreferences).toEqual({
      preload: join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    });
  });

  it('sizes the window and hides it until ready', async () => {
    await start();
    const window = onlyWindow();
    expect(window.options).toMatchObject({
      width: 1100,
      height: 760,
      minWidth: 1000,
      minHeight: 700,
      show: false,
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app URL', async () => {
    await start();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('app://rehearse/index.html');
  });

  it('hardens the window contents', async () => {
    await start();
    const contents = onlyWindow().webContents;
    const event = new fake.FakeEvent('https://example.com/');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('enables the sandbox for every renderer', async () => {
    await start();
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('serves the renderer with the policy', async () => {
    await start();
    const handler = fake.protocol.handlers.get('app');
    const response = await handler!(new Request('app://rehearse/index.html'));
    expect(await response.text()).toBe('<title>Rehearse</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies permissions in the session', async () => {
    await start();
    const callback = vi.fn();
    fake.fakeSession.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const check = fake.fakeSession.permissionCheckHandler;
    expect(check?.(null, 'media', 'app://rehearse', {})).toBe(false);
  });

  it('answers the API from the real database', async () => {
    await start();
    expect(fake.ipcMain.handlers.size).toBe(METHOD_NAMES.length);
    const getHome = fake.ipcMain.handlers.get('rehearse:getHome')!;
    const result = (await getHome({ senderFrame: { url: 'app://rehearse/index.html' } }, {})) as {
      ok: boolean;
      value: { decks: unknown[] };
    };
    expect(result.ok).toBe(true);
    expect(result.value.decks.length).toBeGreaterThan(0);
  });

  it('installs the application menu', async () => {
    await start();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});

describe('data folder', () => {
  it.each([
    ['flag with =', (dir: string) => ['electron', '.', `--data-dir=${dir}`]],
    ['flag and value', (dir: string) => ['electron', '.', '--data-dir', dir]],
  ])('uses the %s', async (_name, argv) => {
    const host = await start(argv(dataDir));
    expect(host?.dataDir).toBe(dataDir);
    expect(existsSync(join(dataDir, 'rehearse.db'))).toBe(true);
  });

  it('uses REHEARSE_DATA_DIR', async () => {
    const fromEnv = join(base, 'env-data');
    const host = await startDesktopApp({
      bundleDir,
      argv: ['electron', '.'],
      env: { REHEARSE_DATA_DIR: fromEnv },
      cwd: base,
    });
    expect(host?.dataDir).toBe(fromEnv);
  });

  it('falls back to userData', async () => {
    const host = await start(['electron', '.']);
    expect(host?.dataDir).toBe(join(base, 'userData'));
  });

  it('moves userData to the data folder', async () => {
    await start();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
  });

  it('writes logs/main.log', async () => {
    await start();
    const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('"message":"Starting Rehearse"');
  });

  it('reads packaged decks from resources', async () => {
    // A copy of the checkout's decks replaces the folder electron-builder's extraResources creates.
    const resources = join(base, 'resources');
    cpSync(repoDecks, join(resources, 'decks'), { recursive: true });
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    fake.app.isPackaged = true;
    fake.app.appPath = join(base, 'nowhere');

    try {
      const host = await start();
      expect(host?.decksDir).toBe(join(resources, 'decks'));
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});

describe('single instance', () => {
  it('second launch quits', async () => {
    fake.app.lockGranted = false;
    const host = await start();
    expect(host).toBeNull();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(existsSync(join(dataDir, 'rehearse.db'))).toBe(false);
  });

  it('second-instance restores and focuses the window', async () => {
    await start();
    const window = onlyWindow();
    window.minimized = true;

    fake.app.emit('second-instance', new fake.FakeEvent(), ['electron'], base, {});

    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('second-instance leaves a normal window unrestored', async () => {
    await start();
    const window = onlyWindow();

    fake.app.emit('second-instance', new fake.FakeEvent(), ['electron'], base, {});

    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('second-instance reopens a closed window', async () => {
    const host = await start();
    onlyWindow().emit('closed');
    expect(host?.mainWindow()).toBeNull();

    fake.app.emit('second-instance', new fake.FakeEvent(), ['electron'], base, {});
    expect(fake.FakeBrowserWindow.instances).toHaveLength(2);
  });
});

describe('quitting', () => {
  it('will-quit releases the database', async () => {
    await start();
    fake.app.emit('will-quit', new fake.FakeEvent());

    const reopened = openApp({ dataDir, decksDir: repoDecks, logger });
    expect(reopened.databasePath).toBe(join(dataDir, 'rehearse.db'));
    reopened.close();
  });

  it('quits when the last window closes', async () => {
    await start();
    fake.app.emit('window-all-closed');
    const expectedQuits = process.platform === 'darwin' ? 0 : 1;
    expect(fake.app.quit).toHaveBeenCalledTimes(expectedQuits);
  });
});

describe('theme', () => {
  it.each([
    ['dark', '#16181d'],
    ['light', '#f7f7f5'],
  ] as const)('%s theme sets the background', async (theme, color) => {
    const seeded = openApp({ dataDir, decksDir: repoDecks, logger });
    await seeded.handlers.updateSettings({ theme });
    seeded.close();

    await start();
    expect(onlyWindow().options.backgroundColor).toBe(color);
  });
});

describe('start-up failure', () => {
  function writeTooNewDatabase(): void {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'rehearse.db'));
    db.pragma('user_version = 9999');
    db.close();
  }

  function writeCorruptDatabase(): void {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'rehearse.db'), 'this is not a database file at all');
  }

  function writeBadDeck(): void {
    const appPath = join(base, 'app');
    mkdirSync(join(appPath, 'decks'), { recursive: true });
    writeFileSync(join(appPath, 'decks', 'broken.yaml'), 'id: [unclosed');
    fake.app.appPath = appPath;
  }

  // Corrupt and too new files get the recovery dialog first; startupRecovery.test.ts covers it.
  function quitFromRecoveryDialog(): void {
    fake.dialog.showMessageBox.mockResolvedValue({ response: 2, checkboxChecked: false });
  }

  it.each([
    ['corrupt file', writeCorruptDatabase, 'cannot be read'],
    ['newer schema', writeTooNewDatabase, 'newer than this Rehearse understands'],
  ])('%s asks before quitting', async (_name, prepare, text) => {
    prepare();
    quitFromRecoveryDialog();
    const host = await start();

    expect(host).toBeNull();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.stringContaining(text) }),
    );
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it.each([
    ['bad deck file', writeBadDeck, 'broken.yaml'],
    ['missing decks folder', () => void (fake.app.appPath = join(base, 'none')), 'main.log'],
  ])('%s shows an error and quits', async (_name, prepare, text) => {
    prepare();
    const host = await start();

    expect(host).toBeNull();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Rehearse could not start',
      expect.stringContaining(text),
    );
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('locked database shows an error', async () => {
    const holder = openApp({ dataDir, decksDir: repoDecks, logger });
    try {
      await start();
    } finally {
      holder.close();
    }
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Rehearse could not start',
      expect.stringContaining('in use by another Rehearse process'),
    );
  });

  it('registers no API after a failure', async () => {
    writeCorruptDatabase();
    quitFromRecoveryDialog();
    await start();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('second-instance during failure', () => {
  it('opens no window', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'rehearse.db'), 'this is not a database file at all');
    fake.dialog.showMessageBox.mockResolvedValue({ response: 2, checkboxChecked: false });
    await start();

    fake.app.emit('second-instance', new fake.FakeEvent(), ['electron'], base, {});
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });
});

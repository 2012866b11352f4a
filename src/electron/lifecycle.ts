import { join } from 'node:path';
import { app, Menu, session, type BrowserWindow } from 'electron';
import { openApp, type App } from '../core/app.js';
import { configureLogging, rootLogger, type Logger } from '../log/logger.js';
import { denyAllPermissions, hardenWebContents } from './guards.js';
import { registerIpcHandlers } from './ipc.js';
import { openLogFile, type LogFile } from './logFile.js';
import { buildMenu } from './menu.js';
import { bundledDecksDir, chooseDataDir } from './paths.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { openWithRecovery } from './startupFailure.js';
import { createMainWindowController, type ThemeSetting } from './window.js';

export interface DesktopOptions {
  /** Folder of main.cjs and preload.cjs; the built renderer is its sibling `renderer`. */
  bundleDir: string;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface DesktopHost {
  dataDir: string;
  decksDir: string;
  logPath: string;
  rehearse: App;
  /** The main window, or null while none is open (macOS keeps running without one). */
  mainWindow(): BrowserWindow | null;
}

/**
 * Starts the desktop app: takes the single-instance lock, opens the data
 * folder through openApp, serves the renderer on app://rehearse and opens the
 * window. Resolves to null when this process quits instead (another instance is
 * running, or the data folder cannot be opened).
 */
export async function startDesktopApp(options: DesktopOptions): Promise<DesktopHost | null> {
  const dataDir = claimDataFolder(options);
  if (dataDir === null) return null;

  const logFile = openLogFile(dataDir);
  configureLogging({ sink: logFile.sink });
  const logger = rootLogger.child('electron');
  logger.info('Starting Rehearse', { dataDir, version: app.getVersion() });

  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));

  const windows = createMainWindowController(join(options.bundleDir, 'preload.cjs'), logger);
  let theme: ThemeSetting = 'system';
  let started = false;

  // Registered before ready because Electron may emit it as soon as ready fires. A launch
  // during start-up or after a failed start has no window to show and is ignored.
  app.on('second-instance', () => {
    if (!started) return;
    logger.info('Another launch of Rehearse brought this window to the front');
    windows.show(theme);
  });

  await app.whenReady();

  const decksDir = bundledDecksDir({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  const rehearse = await openRehearse(dataDir, decksDir, logFile, logger);
  if (rehearse === null) return null;

  app.on('will-quit', () => {
    rehearse.close();
    logger.info('Closed the database; quitting');
    logFile.close();
  });

  serveRehearse(rehearse, options.bundleDir, logger);
  theme = await readThemeSetting(rehearse, logger);
  windows.open(theme);
  started = true;
  // Backups and the quick check after an unclean shutdown run once the window is on its way.
  rehearse.startBackgroundTasks();
  registerWindowLifecycle(() => windows.show(theme));

  return { dataDir, decksDir, logPath: logFile.path, rehearse, mainWindow: windows.current };
}

/**
 * Points userData at the chosen data folder and takes the single-instance
 * lock. Returns null, and quits, when another process already has the folder.
 */
function claimDataFolder(options: DesktopOptions): string | null {
  const dataDir = chooseDataDir({ ...options, userDataPath: app.getPath('userData') });

  // Chromium's own profile then lives in the data folder too, and the
  // single-instance lock is keyed on userData, so each data folder gets one process.
  app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    rootLogger.info('Rehearse is already running for this data folder; it focuses its window', {
      dataDir,
    });
    app.quit();
    return null;
  }
  return dataDir;
}

/** Connects the opened app to Electron: permissions, the app:// protocol, IPC and the menu. */
function serveRehearse(rehearse: App, bundleDir: string, logger: Logger): void {
  denyAllPermissions(session.defaultSession, logger);
  serveAppProtocol(join(bundleDir, '..', 'renderer'), logger);
  registerIpcHandlers(rehearse.handlers, logger);

  Menu.setApplicationMenu(
    buildMenu([], { isPackaged: app.isPackaged, platform: process.platform, logger }),
  );
  app.setAboutPanelOptions({ applicationName: 'Rehearse', applicationVersion: app.getVersion() });
}

/** Opens the data folder; a damaged or too new database gets the recovery dialog first. */
async function openRehearse(
  dataDir: string,
  decksDir: string,
  logFile: LogFile,
  logger: Logger,
): Promise<App | null> {
  const rehearse = await openWithRecovery({
    open: () => openApp({ dataDir, decksDir, logger: rootLogger }),
    dataDir,
    logPath: logFile.path,
    logger,
  });
  if (rehearse !== null) {
    logger.info('Opened the data folder', { databasePath: rehearse.databasePath, decksDir });
  }
  return rehearse;
}

async function readThemeSetting(rehearse: App, logger: Logger): Promise<ThemeSetting> {
  try {
    const settings = await rehearse.handlers.getSettings({});
    return settings.theme;
  } catch (error) {
    logger.warn('Reading the theme setting failed; using the system theme', { error });
    return 'system';
  }
}

function registerWindowLifecycle(showWindow: () => void): void {
  // macOS apps keep running without windows and reopen one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', showWindow);
}

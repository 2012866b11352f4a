import { BrowserWindow, nativeTheme, type WebPreferences } from 'electron';
import type { Logger } from '../log/logger.js';
import { APP_ENTRY_URL } from './appUrl.js';

// NOTE: these match the renderer's page background so the window does not flash
// before the first paint; change them together with the renderer's theme.
const LIGHT_BACKGROUND = '#f7f7f5';
const DARK_BACKGROUND = '#16181d';

/** Returns preferences that sandbox the renderer, without Node.js, with only the preload's API. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: true,
  };
}

export type ThemeSetting = 'light' | 'dark' | 'system';

/** Returns the window background for the user's theme setting. */
export function backgroundColorFor(theme: ThemeSetting): string {
  const dark = theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors);
  return dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
}

/** Creates the main window, loads the renderer and shows it once the first frame is ready. */
export function createMainWindow(
  preloadPath: string,
  theme: ThemeSetting,
  logger: Logger,
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 1000,
    minHeight: 700,
    show: false,
    title: 'Rehearse',
    backgroundColor: backgroundColorFor(theme),
    webPreferences: secureWebPreferences(preloadPath),
  });

  window.once('ready-to-show', () => window.show());

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    logger.error('Loading the renderer failed', { url: APP_ENTRY_URL, error });
  });

  return window;
}

/** Brings an existing window to the front, restoring it when minimised. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The app's one main window: opened on start, reopened on demand after it closes. */
export interface MainWindowController {
  current(): BrowserWindow | null;
  open(theme: ThemeSetting): void;
  /** Focuses the open window, or opens a new one when none is open. */
  show(theme: ThemeSetting): void;
}

export function createMainWindowController(
  preloadPath: string,
  logger: Logger,
): MainWindowController {
  let window: BrowserWindow | null = null;

  const open = (theme: ThemeSetting): void => {
    const created = createMainWindow(preloadPath, theme, logger);
    created.on('closed', () => {
      window = null;
    });
    window = created;
  };

  return {
    current: () => window,
    open,
    show: (theme) => {
      if (window === null) open(theme);
      else focusWindow(window);
    },
  };
}

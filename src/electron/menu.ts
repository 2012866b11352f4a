import { Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import type { Logger } from '../log/logger.js';

/** One entry of the File menu that exports progress (CSV, JSON, report). */
export interface ExportAction {
  label: string;
  accelerator?: string;
  /** Receives the focused window, for example to parent a save dialog. */
  run: (window: BaseWindow | undefined) => void | Promise<void>;
}

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  logger: Logger;
}

/** Builds the application menu; export actions go to the File menu in the order given. */
export function buildMenu(actions: readonly ExportAction[], options: MenuOptions): Menu {
  return Menu.buildFromTemplate(buildMenuTemplate(actions, options));
}

/** Builds the template behind `buildMenu`; tests inspect it without Electron. */
export function buildMenuTemplate(
  actions: readonly ExportAction[],
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    fileMenu(actions, options),
    { label: 'Edit', role: 'editMenu' },
    viewMenu(options),
    { label: 'Window', role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: [{ label: 'About Rehearse', role: 'about' }] },
  ];

  // macOS shows the application menu first, titled with the app's name.
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

function fileMenu(
  actions: readonly ExportAction[],
  options: MenuOptions,
): MenuItemConstructorOptions {
  const exportItems: MenuItemConstructorOptions[] = actions.map((action) => ({
    label: action.label,
    ...(action.accelerator ? { accelerator: action.accelerator } : {}),
    click: (_item, window) => runAction(action, window, options.logger),
  }));

  const submenu: MenuItemConstructorOptions[] = [...exportItems];
  if (exportItems.length > 0) submenu.push({ type: 'separator' });
  submenu.push(options.platform === 'darwin' ? { role: 'close' } : { role: 'quit' });

  return { label: 'File', submenu };
}

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [{ role: 'reload' }];

  // Developer tools stay out of the packaged app, where they would only confuse users.
  if (!options.isPackaged) submenu.push({ role: 'toggleDevTools' });

  submenu.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  return { label: 'View', submenu };
}

function runAction(action: ExportAction, window: BaseWindow | undefined, logger: Logger): void {
  Promise.resolve()
    .then(() => action.run(window))
    .catch((error: unknown) => {
      logger.error('Menu action failed', { action: action.label, error });
    });
}

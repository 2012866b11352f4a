import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
const { buildMenu, buildMenuTemplate } = await import('../../src/electron/menu.js');

const logs = captureLogs();
const logger = createLogger('test');
const linux = { isPackaged: false, platform: 'linux' as const, logger };

function submenuOf(template: MenuItemConstructorOptions[], label: string) {
  const menu = template.find((item) => item.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => (item.role ? [item.role] : []));
}

beforeEach(() => {
  fake.resetFakeElectron();
  logs.length = 0;
});

describe('application menu', () => {
  it('has the top-level menus in order', () => {
    const labels = buildMenuTemplate([], linux).map((item) => item.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File ends with Quit', () => {
    const file = submenuOf(buildMenuTemplate([], linux), 'File');
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('lists export actions before Quit', () => {
    const actions = [
      { label: 'Export Reviews as CSV…', run: vi.fn() },
      { label: 'Export Progress as JSON…', accelerator: 'CmdOrCtrl+E', run: vi.fn() },
    ];
    const file = submenuOf(buildMenuTemplate(actions, linux), 'File');
    expect(file.map((item) => item.label ?? item.type ?? item.role)).toEqual([
      'Export Reviews as CSV…',
      'Export Progress as JSON…',
      'separator',
      'quit',
    ]);
    expect(file[1]?.accelerator).toBe('CmdOrCtrl+E');
  });

  it('runs an export action on click', () => {
    const run = vi.fn();
    const file = submenuOf(buildMenuTemplate([{ label: 'Export…', run }], linux), 'File');
    const window = { id: 1 };
    file[0]?.click?.({} as never, window as never, {} as never);
    return vi.waitFor(() => expect(run).toHaveBeenCalledWith(window));
  });

  it('logs a failing export action', async () => {
    const run = vi.fn(async () => {
      throw new Error('disk full');
    });
    const file = submenuOf(buildMenuTemplate([{ label: 'Export…', run }], linux), 'File');
    file[0]?.click?.({} as never, undefined, {} as never);
    await vi.waitFor(() => {
      expect(logs.at(-1)).toMatchObject({ level: 'error', action: 'Export…' });
    });
  });

  it.each([
    [false, true],
    [true, false],
  ])('packaged %s shows devtools: %s', (isPackaged, shown) => {
    const view = submenuOf(buildMenuTemplate([], { ...linux, isPackaged }), 'View');
    expect(roles(view).includes('toggleDevTools')).toBe(shown);
  });

  it('View keeps reload and zoom', () => {
    const view = submenuOf(buildMenuTemplate([], { ...linux, isPackaged: true }), 'View');
    expect(roles(view)).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('Edit uses the standard roles', () => {
    const edit = buildMenuTemplate([], linux).find((item) => item.label === 'Edit');
    expect(edit?.role).toBe('editMenu');
  });

  it('Help has About', () => {
    expect(roles(submenuOf(buildMenuTemplate([], linux), 'Help'))).toEqual(['about']);
  });

  it('macOS gets the app menu first', () => {
    const template = buildMenuTemplate([], { ...linux, platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(submenuOf(template, 'File').at(-1)?.role).toBe('close');
  });

  it('buildMenu builds from the template', () => {
    buildMenu([], linux);
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledWith(buildMenuTemplate([], linux));
  });
});

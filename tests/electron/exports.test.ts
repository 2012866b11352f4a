import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi, afterEach } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch.js';
import { openExport } from '../../src/core/export/index.js';
import { basicDeckYaml, makeTempDir, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';
import { answerAt } from '../core/statsFixture.js';

// A small stand-in for the parts of Electron the exports use: dialogs, hidden windows and the menu.
const electron = vi.hoisted(() => {
  class BrowserWindow {
    static created: BrowserWindow[] = [];
    setProgressBar = vi.fn();
    loadFile = vi.fn(async (_path: string) => undefined);
    destroy = vi.fn();
    webContents = {
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake\n')),
      reload: vi.fn(),
    };
    constructor(readonly options: Record<string, unknown> = {}) {
      BrowserWindow.created.push(this);
    }
  }
  return {
    BrowserWindow,
    app: { isPackaged: false, getPath: vi.fn((_name: string) => '/nonexistent') },
    dialog: {
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showErrorBox: vi.fn(),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
  };
});
vi.mock('electron', () => electron);

const { installExports } = await import('../../src/electron/exports.js');

const START = Date.parse('2026-03-02T12:00:00Z');
let handle: TempApp;
let folder: { path: string; cleanup: () => void };
let window: InstanceType<typeof electron.BrowserWindow>;

function install(app = handle.app) {
  installExports({ rehearse: app, mainWindow: () => window as never }, testLogger);
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.BrowserWindow.created = [];
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 4) }, start: START });
  folder = makeTempDir();
  electron.app.getPath.mockReturnValue(folder.path);
  window = new electron.BrowserWindow();
});

afterEach(() => {
  handle.cleanup();
  folder.cleanup();
});

async function exportText(kind: 'review-log-csv'): Promise<string> {
  let text = '';
  for await (const chunk of openExport(handle.app.context, kind).chunks) text += chunk.text;
  return text;
}

describe('desktop exports', () => {
  it('saves where the dialog points', async () => {
    answerAt(handle, START, 'alpha-1', 3);
    install();
    const path = join(folder.path, 'log.csv');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const result = await dispatch(handle.app.handlers, 'exportData', { kind: 'review-log-csv' }, testLogger);
    expect(result).toEqual({ ok: true, value: { kind: 'saved', path, bytes: readFileSync(path).length } });
    expect(readFileSync(path, 'utf8')).toBe(await exportText('review-log-csv'));
  });

  it('offers the dated file name', async () => {
    install();
    await handle.app.handlers.exportData({ kind: 'json' });
    const options = electron.dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string };
    expect(options.defaultPath).toBe(join(folder.path, 'rehearse-backup-2026-03-02.json'));
  });

  it('cancel writes nothing', async () => {
    install();
    expect(await handle.app.handlers.exportData({ kind: 'progress-csv' })).toEqual({ kind: 'cancelled' });
    expect(readdirSync(folder.path)).toEqual([]);
  });

  it('adds a missing extension', async () => {
    install();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder.path, 'progress') });
    const result = await handle.app.handlers.exportData({ kind: 'progress-csv' });
    expect(result).toMatchObject({ kind: 'saved', path: join(folder.path, 'progress.csv') });
  });

  it('progress bar ends cleared', async () => {
    answerAt(handle, START, 'alpha-1', 3);
    install();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder.path, 'log.csv') });
    await handle.app.handlers.exportData({ kind: 'review-log-csv' });
    const values = window.setProgressBar.mock.calls.map((call) => call[0]);
    expect(values).toContain(1);
    expect(values[values.length - 1]).toBe(-1);
  });

  it('pdf prints the report in a scriptless window', async () => {
    install();
    const path = join(folder.path, 'report.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    await handle.app.handlers.exportData({ kind: 'pdf' });
    const printer = electron.BrowserWindow.created[1]!;
    expect(printer.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    expect(printer.webContents.printToPDF).toHaveBeenCalledOnce();
    expect(printer.destroy).toHaveBeenCalledOnce();
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 fake\n');
    expect(existsSync(printer.loadFile.mock.calls[0]![0])).toBe(false);
  });
});

describe('desktop import', () => {
  it('imports the chosen backup', async () => {
    answerAt(handle, START, 'alpha-1', 3);
    const path = join(folder.path, 'backup.json');
    let text = '';
    for await (const chunk of openExport(handle.app.context, 'json').chunks) text += chunk.text;
    writeFileSync(path, text);
    const target = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 4) }, start: START });
    try {
      install(target.app);
      electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
      const result = await target.app.handlers.importData({});
      expect(result).toEqual({
        kind: 'imported',
        summary: { decks: 1, cards: 4, reviews: 1, interviewSessions: 0, safetyBackup: expect.stringMatching(/before-import/) },
      });
    } finally {
      target.cleanup();
    }
  });

  it('folder with progress is a conflict', async () => {
    answerAt(handle, START, 'alpha-1', 3);
    const path = join(folder.path, 'backup.json');
    let text = '';
    for await (const chunk of openExport(handle.app.context, 'json').chunks) text += chunk.text;
    writeFileSync(path, text);
    install();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = await dispatch(handle.app.handlers, 'importData', {}, testLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain(handle.dataDir);
  });
});

describe('file menu', () => {
  it('lists every export and the import', () => {
    install();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string; submenu?: { label?: string }[] }[];
    const file = template.find((menu) => menu.label === 'File')!;
    expect(file.submenu!.flatMap((item) => (item.label ? [item.label] : []))).toEqual([
      'Export Report (HTML)…',
      'Export Report (PDF)…',
      'Export Progress (CSV)…',
      'Export Review Log (CSV)…',
      'Export Full Backup (JSON)…',
      'Import Backup (JSON)…',
    ]);
  });
});

import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { app, BrowserWindow, dialog, Menu, type BaseWindow, type FileFilter } from 'electron';
import type { ExportKind, ExportResult, ImportResult } from '../core/api/stats.js';
import type { App } from '../core/app.js';
import { exportFileNameOf, openExport } from '../core/export/index.js';
import { importBackup } from '../core/export/jsonImport.js';
import { writeExportBytes, writeExportFile } from '../core/export/writeFile.js';
import type { Logger } from '../log/logger.js';
import { buildMenu, type ExportAction } from './menu.js';

const FILTERS: Record<ExportKind, FileFilter> = {
  'progress-csv': { name: 'CSV', extensions: ['csv'] },
  'review-log-csv': { name: 'CSV', extensions: ['csv'] },
  json: { name: 'Rehearse backup (JSON)', extensions: ['json'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

const TITLES: Record<ExportKind, string> = {
  html: 'Export Report (HTML)',
  pdf: 'Export Report (PDF)',
  'progress-csv': 'Export Progress (CSV)',
  'review-log-csv': 'Export Review Log (CSV)',
  json: 'Export Full Backup (JSON)',
};

interface ExportHost {
  rehearse: App;
  mainWindow(): BrowserWindow | null;
}

function asBrowserWindow(window: BaseWindow | null | undefined): BrowserWindow | null {
  return window instanceof BrowserWindow ? window : null;
}

/**
 * Renders the HTML report in a hidden window with scripts off and prints it
 * to PDF with Chromium's print engine, the one the report's print styles target.
 */
async function renderPdf(rehearse: App): Promise<Uint8Array> {
  let html = '';
  for await (const chunk of openExport(rehearse.context, 'html').chunks) html += chunk.text;
  const page = join(tmpdir(), `rehearse-report-${randomBytes(6).toString('hex')}.html`);
  await writeFile(page, html, { flag: 'wx' });
  const window = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadFile(page);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    await rm(page, { force: true });
  }
}

async function saveExport(
  host: ExportHost,
  kind: ExportKind,
  parent: BrowserWindow | null,
  logger: Logger,
): Promise<ExportResult> {
  const rehearse = host.rehearse;
  const defaultPath = join(app.getPath('documents'), exportFileNameOf(rehearse.context, kind));
  const options = { title: TITLES[kind], defaultPath, filters: [FILTERS[kind]] };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
  // A name typed without an extension gets the export's own.
  const extension = FILTERS[kind].extensions[0];
  const path = extname(choice.filePath) === '' ? `${choice.filePath}.${extension}` : choice.filePath;

  // The taskbar or dock shows the progress of long exports.
  parent?.setProgressBar(0.01);
  try {
    const showProgress = (done: number, total: number) => parent?.setProgressBar(total === 0 ? 1 : done / total);
    const bytes =
      kind === 'pdf'
        ? await writeExportBytes(path, await renderPdf(rehearse))
        : await writeExportFile(path, openExport(rehearse.context, kind), showProgress);
    logger.info('export saved', { kind, path, bytes });
    return { kind: 'saved', path, bytes };
  } finally {
    parent?.setProgressBar(-1);
  }
}

async function openBackup(host: ExportHost, parent: BrowserWindow | null, logger: Logger): Promise<ImportResult> {
  const options = {
    title: 'Import Backup (JSON)',
    filters: [FILTERS.json],
    properties: ['openFile' as const],
  };
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { kind: 'cancelled' };
  // The import streams the file, so its size needs no cap here.
  const summary = await importBackup(host.rehearse, path);
  logger.info('backup imported from file', { path, ...summary });
  return { kind: 'imported', summary };
}

/** Shows a failed menu action in a dialog; the renderer shows failures of its own requests itself. */
function reportMenuError(error: unknown, title: string, logger: Logger): void {
  logger.error('menu export or import failed', { title, error });
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(title, message);
}

/**
 * Gives the desktop app its exports: exportData and importData through save
 * and open dialogs (replacing the core stand-ins that the IPC handlers call),
 * and the same actions in the File menu.
 */
export function installExports(host: ExportHost, logger: Logger): void {
  const handlers = host.rehearse.handlers;
  handlers.exportData = ({ kind }) => saveExport(host, kind, host.mainWindow(), logger);
  handlers.importData = () => openBackup(host, host.mainWindow(), logger);

  const exportAction = (kind: ExportKind): ExportAction => ({
    label: `${TITLES[kind]}…`,
    run: async (window) => {
      try {
        await saveExport(host, kind, asBrowserWindow(window) ?? host.mainWindow(), logger);
      } catch (error) {
        reportMenuError(error, `${TITLES[kind]} failed`, logger);
      }
    },
  });
  const importAction: ExportAction = {
    label: 'Import Backup (JSON)…',
    run: async (window) => {
      const parent = asBrowserWindow(window) ?? host.mainWindow();
      try {
        const result = await openBackup(host, parent, logger);
        // The screens hold data from before the import, so the window loads again.
        if (result.kind === 'imported') parent?.webContents.reload();
      } catch (error) {
        reportMenuError(error, 'Import failed', logger);
      }
    },
  };

  const kinds: ExportKind[] = ['html', 'pdf', 'progress-csv', 'review-log-csv', 'json'];
  const options = { isPackaged: app.isPackaged, platform: process.platform, logger };
  Menu.setApplicationMenu(buildMenu([...kinds.map(exportAction), importAction], options));
}

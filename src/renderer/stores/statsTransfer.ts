import { create } from 'zustand';
import type { ExportKind, ImportResult, ImportSummary } from '../../core/api/contract.js';
import { ApiError } from '../api/ApiError.js';
import { isApiResult, unwrapResult } from '../api/result.js';
import { readAccessToken } from '../api/token.js';
import { currentApi } from './api.js';
import { reportError, useErrorStore } from './errors.js';
import { useHomeStore } from './home.js';
import { useStatsStore } from './stats.js';

interface TransferState {
  /** The export or import running now, or null; one at a time. */
  running: ExportKind | 'import' | null;
  /** A sentence about the running or last transfer, announced politely. */
  status: string;
  exportData: (kind: ExportKind) => Promise<void>;
  /** Imports a backup. The desktop app opens its own file dialog, and a browser passes the picked file. */
  importData: (file: File | null) => Promise<void>;
}

function authorization(): Record<string, string> {
  const token = readAccessToken(window.location, window.sessionStorage, window.history);
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Fetches a one-time download link with the page's token and saves the body under `fileName`. */
async function download(url: string, fileName: string, onProgress: (bytes: number) => void): Promise<void> {
  const response = await fetch(url, { headers: authorization() });
  if (!response.ok || response.body === null) {
    const body: unknown = await response.json().catch(() => null);
    if (isApiResult(body)) unwrapResult(body);
    throw new ApiError('unavailable', `The download failed with HTTP ${response.status}. Export again.`);
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.length;
    onProgress(bytes);
  }
  const link = document.createElement('a');
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  link.href = URL.createObjectURL(new Blob(parts, { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function upload(url: string, file: File): Promise<ImportResult> {
  const headers = { ...authorization(), 'Content-Type': 'application/json' };
  const response = await fetch(url, { method: 'POST', headers, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!isApiResult(body)) {
    const message = `The server answered the import with HTTP ${response.status} and no result. Try again.`;
    throw new ApiError('internal', message);
  }
  return unwrapResult(body) as ImportResult;
}

function importedSentence(summary: ImportSummary): string {
  const { reviews, cards, interviewSessions } = summary;
  return (
    `Imported ${reviews} answers, ${cards} cards and ${interviewSessions} mock interviews. ` +
    'Settings and decks as they were before are in the backup "Before import" (Settings, Backups).'
  );
}

/**
 * Hides the banner when a new export or import starts, so an earlier failure never
 * shows next to the status line of a later transfer. The banner stores one message
 * and not where it came from, so this also hides an older error from elsewhere in the app.
 */
function clearEarlierError(): void {
  useErrorStore.getState().dismiss();
}

const LABELS: Record<ExportKind, string> = {
  'progress-csv': 'progress CSV',
  'review-log-csv': 'review log CSV',
  json: 'backup',
  html: 'HTML report',
  pdf: 'PDF report',
};

/** Exports and imports started from the Statistics screen, with their progress. */
export const useTransferStore = create<TransferState>((set, get) => ({
  running: null,
  status: '',

  exportData: async (kind) => {
    if (get().running !== null) return;
    clearEarlierError();
    set({ running: kind, status: `Exporting the ${LABELS[kind]}…` });
    try {
      const result = await currentApi().exportData({ kind });
      if (result.kind === 'cancelled') set({ status: 'Export cancelled.' });
      else if (result.kind === 'saved') set({ status: `Saved the ${LABELS[kind]} to ${result.path}.` });
      else {
        const showProgress = (bytes: number) => {
          set({ status: `Downloading the ${LABELS[kind]}… ${formatBytes(bytes)}` });
        };
        await download(result.url, result.fileName, showProgress);
        set({ status: `Downloaded ${result.fileName}.` });
      }
    } catch (error) {
      set({ status: `The ${LABELS[kind]} export failed.` });
      reportError(error);
    } finally {
      set({ running: null });
    }
  },

  importData: async (file) => {
    if (get().running !== null) return;
    clearEarlierError();
    set({ running: 'import', status: 'Importing the backup…' });
    try {
      let result = await currentApi().importData({});
      if (result.kind === 'upload') {
        if (file === null) throw new ApiError('validation', 'Choose a backup file to import.');
        result = await upload(result.url, file);
      }
      if (result.kind === 'cancelled') set({ status: 'Import cancelled.' });
      if (result.kind === 'imported') {
        set({ status: importedSentence(result.summary) });
        void useStatsStore.getState().load();
        void useHomeStore.getState().load();
      }
    } catch (error) {
      set({ status: 'The import failed; nothing was changed.' });
      reportError(error);
    } finally {
      set({ running: null });
    }
  },
}));

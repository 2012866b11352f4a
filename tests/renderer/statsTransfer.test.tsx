// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, StatsView } from '../../src/core/api/contract.js';
import { ApiError } from '../../src/renderer/api/ApiError.js';
import { TransferPanel } from '../../src/renderer/screens/stats/TransferPanel.js';
import { useStatsStore } from '../../src/renderer/stores/stats.js';
import { useTransferStore } from '../../src/renderer/stores/statsTransfer.js';
import { createFakeApi, deferred } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

const BROKEN_FILE_ERROR = 'The backup file is not valid JSON: Unexpected end of JSON input. Export the backup again.';
const SUMMARY = { decks: 2, cards: 40, reviews: 23, interviewSessions: 1, safetyBackup: 'rehearse-20261204T100000000Z-before-import.db.gz' };

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function backupFile(text: string): File {
  return new File([text], 'rehearse-backup.json', { type: 'application/json' });
}

function openPanel() {
  const api = {
    ...createFakeApi(),
    importData: vi.fn<AppApi['importData']>(async () => ({ kind: 'upload', url: '/api/import/once' })),
    exportData: vi.fn<AppApi['exportData']>(async () => ({ kind: 'cancelled' })),
    // The panel reloads the statistics after an import, but nothing here renders them.
    getStats: vi.fn<AppApi['getStats']>(async () => ({}) as StatsView),
  };
  renderWithApi(api, <TransferPanel />);
  return api;
}

function pickFile(file: File): void {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

function status(): string {
  return screen.getByTestId('transfer-status').textContent ?? '';
}

async function failFirstImport(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>): Promise<void> {
  fetchMock.mockResolvedValueOnce(jsonResponse({ ok: false, error: { code: 'validation', message: BROKEN_FILE_ERROR } }, 400));
  pickFile(backupFile('{"format": "rehearse-backup", "cards": ['));
  expect((await screen.findByTestId('error-banner')).textContent).toContain('not valid JSON');
  await waitFor(() => expect(status()).toBe('The import failed; nothing was changed.'));
}

describe('stats transfer panel', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    resetRenderer();
    useTransferStore.setState({ running: null, status: '' });
    useStatsStore.setState({ view: null, loading: false });
  });

  it('good import clears an earlier error', async () => {
    const api = openPanel();
    await failFirstImport(fetchMock);

    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true, value: { kind: 'imported', summary: SUMMARY } }));
    pickFile(backupFile('{"format": "rehearse-backup"}'));

    await waitFor(() => expect(status()).toBe(
      'Imported 23 answers, 40 cards and 1 mock interviews. Settings and decks as they were before are in the backup "Before import" (Settings, Backups).',
    ));
    expect(screen.queryByTestId('error-banner')).toBeNull();
    expect(api.getStats).toHaveBeenCalled();
  });

  it('new import hides the old error while it runs', async () => {
    const api = openPanel();
    await failFirstImport(fetchMock);
    const pending = deferred<Awaited<ReturnType<AppApi['importData']>>>();
    api.importData.mockReturnValueOnce(pending.promise);

    pickFile(backupFile('{}'));

    await waitFor(() => expect(status()).toBe('Importing the backup…'));
    expect(screen.queryByTestId('error-banner')).toBeNull();
    pending.resolve({ kind: 'cancelled' });
    await waitFor(() => expect(status()).toBe('Import cancelled.'));
  });

  it('export clears an earlier import error', async () => {
    const api = openPanel();
    await failFirstImport(fetchMock);

    fireEvent.click(screen.getByRole('button', { name: 'Progress CSV' }));

    await waitFor(() => expect(status()).toBe('Export cancelled.'));
    expect(api.exportData).toHaveBeenCalledWith({ kind: 'progress-csv' });
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('second failure shows its own error', async () => {
    const api = openPanel();
    await failFirstImport(fetchMock);
    api.exportData.mockRejectedValueOnce(new ApiError('unavailable', 'The export folder is not writable.'));

    fireEvent.click(screen.getByRole('button', { name: 'Review log CSV' }));

    await waitFor(() => expect(status()).toBe('The review log CSV export failed.'));
    const banner = screen.getByTestId('error-banner').textContent;
    expect(banner).toContain('The export folder is not writable.');
    expect(banner).not.toContain('not valid JSON');
  });
});

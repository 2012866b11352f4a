// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../src/core/api/contract.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import { ApiError } from '../../src/renderer/api/ApiError.js';
import { describeReason, formatSize } from '../../src/renderer/screens/settings/BackupsPanel.js';
import { SettingsScreen } from '../../src/renderer/screens/settings/SettingsScreen.js';
import { formatBackupTime, useBackupsStore } from '../../src/renderer/stores/backups.js';
import { createFakeApi, deferred } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

type BackupsView = Awaited<ReturnType<AppApi['listBackups']>>;

type BackupEntry = BackupsView['backups'][number];

// OLDER has the name format of versions that did not record why a backup was made.
const OLDER: BackupEntry = { name: 'rehearse-20261203T090000000Z.db.gz', createdAt: Date.parse('2026-12-03T09:00:00Z'), reason: null, sizeBytes: 2_048 };
const NEWER: BackupEntry = {
  name: 'rehearse-20261204T090000000Z-changes.db.gz',
  createdAt: Date.parse('2026-12-04T09:00:00Z'),
  reason: 'changes',
  sizeBytes: 3_355_443,
};
const SAFETY: BackupEntry = {
  name: 'rehearse-20261204T100000000Z-before-restore.db.gz',
  createdAt: Date.parse('2026-12-04T10:00:00Z'),
  reason: 'before-restore',
  sizeBytes: 3_400_000,
};

function backupsView(overrides: Partial<BackupsView> = {}): BackupsView {
  return { backups: [NEWER, OLDER], folder: '/home/user/.config/Rehearse/backups', uncleanShutdown: false, checked: false, problems: [], ...overrides };
}

afterEach(() => {
  resetRenderer();
  useBackupsStore.setState({ view: null, busy: null, status: '' });
});

async function openPanel(view: BackupsView = backupsView()) {
  const api = {
    ...createFakeApi(),
    backupNow: vi.fn<AppApi['backupNow']>(async () => SAFETY),
    restoreBackup: vi.fn<AppApi['restoreBackup']>(async ({ name }) => ({ restored: name, safetyBackup: SAFETY.name })),
  };
  api.listBackups.mockResolvedValue(view);
  renderWithApi(api, <SettingsScreen />);
  await screen.findByRole('heading', { name: 'Backups' });
  await waitFor(() => expect(api.listBackups).toHaveBeenCalled());
  return api;
}

function labelOf(entry: BackupEntry): string {
  return `${formatBackupTime(entry.createdAt)} (${describeReason(entry.reason).toLowerCase()}, ${entry.name})`;
}

function restoreButtonFor(entry: BackupEntry): HTMLElement {
  return screen.getByRole('button', { name: `Restore the backup from ${labelOf(entry)}` });
}

describe('backups panel', () => {
  it('lists backups with date and size', async () => {
    await openPanel();

    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText(formatBackupTime(NEWER.createdAt))).toBeTruthy();
    expect(within(rows[0]!).getByText('3.2 MB')).toBeTruthy();
    expect(within(rows[1]!).getByText('2.0 KB')).toBeTruthy();
  });

  it('shows the backup folder', async () => {
    await openPanel();
    expect(await screen.findByText(/kept in \/home\/user\/\.config\/Rehearse\/backups/)).toBeTruthy();
  });

  it('says when there are no backups', async () => {
    await openPanel(backupsView({ backups: [] }));
    expect(await screen.findByText('No backups yet.')).toBeTruthy();
  });

  it('back up now reloads the list', async () => {
    const api = await openPanel();
    api.listBackups.mockResolvedValue(backupsView({ backups: [SAFETY, NEWER, OLDER] }));

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));

    expect(await screen.findByText(`Backed up at ${formatBackupTime(SAFETY.createdAt)}.`)).toBeTruthy();
    expect(api.backupNow).toHaveBeenCalledWith({});
    expect(screen.getAllByTestId('backup-row')).toHaveLength(3);
  });

  it('back up now is disabled while running', async () => {
    const api = await openPanel();
    const running = deferred<typeof SAFETY>();
    api.backupNow.mockReturnValueOnce(running.promise);

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));

    const button = await screen.findByRole('button', { name: 'Backing up…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    running.resolve(SAFETY);
    await screen.findByRole('button', { name: 'Back up now' });
  });

  it('restore asks for confirmation first', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');

    fireEvent.click(restoreButtonFor(OLDER));

    const confirmation = screen.getByRole('group', { name: `Restore the backup from ${formatBackupTime(OLDER.createdAt)} (reason unknown, ${OLDER.name})?` });
    expect(confirmation.textContent).toContain('Rehearse backs up your current state first');
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(confirmation).getByRole('button', { name: 'Restore this backup' }));
  });

  it('confirmed restore sends the name', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    fireEvent.click(restoreButtonFor(OLDER));

    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));

    expect(await screen.findByText(/^Restored the backup from/)).toBeTruthy();
    expect(api.restoreBackup).toHaveBeenCalledWith({ name: OLDER.name });
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('restore reloads settings and Home', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    api.getSettings.mockResolvedValue({ ...DEFAULT_SETTINGS, newPerDay: 7 });
    const homeCalls = api.getHome.mock.calls.length;
    fireEvent.click(restoreButtonFor(OLDER));

    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));

    await waitFor(() => expect((screen.getByLabelText('New cards per day') as HTMLInputElement).value).toBe('7'));
    expect(api.getHome.mock.calls.length).toBeGreaterThan(homeCalls);
  });

  it('cancel keeps the data and returns focus', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    const restoreButton = restoreButtonFor(NEWER);
    fireEvent.click(restoreButton);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('group')).toBeNull();
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(restoreButton);
  });

  it('Escape cancels the confirmation', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    fireEvent.click(restoreButtonFor(NEWER));

    fireEvent.keyDown(screen.getByRole('button', { name: 'Restore this backup' }), { key: 'Escape' });

    expect(screen.queryByRole('group')).toBeNull();
    expect(api.restoreBackup).not.toHaveBeenCalled();
  });

  it('failed restore shows the banner', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    api.restoreBackup.mockRejectedValueOnce(new ApiError('validation', 'Backup "x" is damaged (file is not a database); pick another one.'));
    fireEvent.click(restoreButtonFor(OLDER));

    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));

    expect((await screen.findByTestId('error-banner')).textContent).toContain('pick another one');
    expect(screen.queryByText(/^Restored the backup/)).toBeNull();
  });

  // Backup names keep milliseconds, so two backups made in one second still differ by name.
  it('same-second backups get distinct labels', async () => {
    const createdAt = Date.parse('2026-12-04T09:00:00.120Z');
    const first: BackupEntry = { name: 'rehearse-20261204T090000120Z-changes.db.gz', createdAt, reason: 'changes', sizeBytes: 3_000 };
    const second: BackupEntry = { name: 'rehearse-20261204T090000870Z-changes.db.gz', createdAt: createdAt + 750, reason: 'changes', sizeBytes: 3_000 };
    await openPanel(backupsView({ backups: [second, first] }));
    await screen.findAllByTestId('backup-row');

    const labels = screen.getAllByRole('button', { name: /^Restore the backup from/ }).map((button) => button.getAttribute('aria-label'));
    expect(new Set(labels).size).toBe(2);
    expect(restoreButtonFor(first)).not.toBe(restoreButtonFor(second));
    expect(within(screen.getAllByTestId('backup-row')[1]!).getByText(first.name)).toBeTruthy();
  });

  it('shows why each backup was made', async () => {
    await openPanel(backupsView({ backups: [SAFETY, NEWER, OLDER] }));

    const rows = await screen.findAllByTestId('backup-row');
    expect(within(rows[0]!).getByText('Before restore')).toBeTruthy();
    expect(within(rows[1]!).getByText('After changes')).toBeTruthy();
    expect(within(rows[2]!).getByText('Reason unknown')).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: `Restore the backup from ${formatBackupTime(SAFETY.createdAt)} (before restore, ${SAFETY.name})` })).toBeTruthy();
  });

  it('restore shows the new before-restore row', async () => {
    const api = await openPanel();
    await screen.findAllByTestId('backup-row');
    api.listBackups.mockResolvedValue(backupsView({ backups: [SAFETY, NEWER, OLDER] }));
    fireEvent.click(restoreButtonFor(OLDER));

    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));

    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(3));
    const [safetyRow, newerRow] = screen.getAllByTestId('backup-row');
    expect(within(safetyRow!).getByText('Before restore')).toBeTruthy();
    expect(within(newerRow!).queryByText('Before restore')).toBeNull();
    expect(screen.getByText(/^Restored the backup from/).textContent).toContain('marked "Before restore"');
  });

  it('shows the unclean shutdown notice', async () => {
    await openPanel(backupsView({ uncleanShutdown: true }));
    expect((await screen.findByTestId('backups-health')).textContent).toContain('did not shut down cleanly');
  });

  // Once the check has found nothing, the notice says so instead of announcing a check.
  it('says a finished check found nothing', async () => {
    await openPanel(backupsView({ uncleanShutdown: true, checked: true }));
    expect((await screen.findByTestId('backups-health')).textContent).toContain('found no problems');
  });

  it('lists quick check problems', async () => {
    const problems = ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'];
    await openPanel(backupsView({ uncleanShutdown: true, problems }));

    const notice = await screen.findByTestId('backups-health');
    expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual(problems);
  });

  it('open confirmation passes axe', async () => {
    await openPanel(backupsView({ uncleanShutdown: true, problems: ['Page 7: btreeInitPage() returns error code 11'] }));
    await screen.findAllByTestId('backup-row');
    fireEvent.click(restoreButtonFor(OLDER));

    // Contrast needs a real layout engine, so jsdom skips that rule.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });

  it('hides the notice after a clean start', async () => {
    await openPanel();
    await screen.findAllByTestId('backup-row');
    expect(screen.queryByTestId('backups-health')).toBeNull();
  });
});

describe('describeReason', () => {
  it.each([
    ['start-up', 'At start-up'],
    ['changes', 'After changes'],
    ['on-request', 'On request'],
    ['before-restore', 'Before restore'],
    ['before-import', 'Before import'],
    ['before-migrating', 'Before migrating'],
    [null, 'Reason unknown'],
  ] as const)('%s reads %s', (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024, '1.0 MB'],
    [5 * 1024 * 1024 * 1024, '5120.0 MB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

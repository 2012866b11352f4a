import { create } from 'zustand';
import type { ApiResponse } from '../../core/api/contract.js';
import type { Settings } from '../../core/settings/schema.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';
import { useHomeStore } from './home.js';
import { useReviewStore } from './review.js';
import { useSettingsStore } from './settings.js';

export type BackupsView = ApiResponse<'listBackups'>;

interface BackupsState {
  view: BackupsView | null;
  /** The request in flight, which disables the buttons that would start another. */
  busy: 'backup' | 'restore' | null;
  /** The outcome of the last backup or restore, for the panel's status line. */
  status: string;
  load: () => Promise<void>;
  backUpNow: () => Promise<void>;
  /** Restores the named backup; resolves to the restored settings, or null when it failed. */
  restore: (name: string, createdAt: number) => Promise<Settings | null>;
}

/** Formats an instant as a local date and time, the way the backup list shows it. */
export function formatBackupTime(at: number): string {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return format.format(at);
}

/** The backup list of the Settings screen, and its backup and restore actions. */
export const useBackupsStore = create<BackupsState>((set) => ({
  view: null,
  busy: null,
  status: '',

  load: async () => {
    try {
      set({ view: await currentApi().listBackups({}) });
    } catch (error) {
      reportError(error);
    }
  },

  backUpNow: async () => {
    set({ busy: 'backup', status: '' });
    try {
      const entry = await currentApi().backupNow({});
      set({ view: await currentApi().listBackups({}) });
      set({ status: `Backed up at ${formatBackupTime(entry.createdAt)}.` });
    } catch (error) {
      reportError(error);
    } finally {
      set({ busy: null });
    }
  },

  restore: async (name, createdAt) => {
    set({ busy: 'restore', status: '' });
    try {
      await currentApi().restoreBackup({ name });
      set({
        status:
          `Restored the backup from ${formatBackupTime(createdAt)}. ` +
          'Your progress from just before is the newest backup in the list, marked "Before restore".',
      });
      return await reloadAfterRestore(set);
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      set({ busy: null });
    }
  },
}));

/**
 * Reloads everything a restore replaced: the backup list (it gained the backup
 * of the state before), the settings, Home's counts and any review in progress.
 */
async function reloadAfterRestore(
  set: (state: Partial<BackupsState>) => void,
): Promise<Settings | null> {
  set({ view: await currentApi().listBackups({}) });
  useReviewStore.getState().reset();
  void useHomeStore.getState().load();
  await useSettingsStore.getState().load();
  return useSettingsStore.getState().settings;
}

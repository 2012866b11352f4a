import { create } from 'zustand';
import type { Settings, SettingsUpdate } from '../../core/settings/schema.js';
import { applyTheme } from '../theme.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';
import { useHomeStore } from './home.js';
import { useReviewStore } from './review.js';

interface SettingsState {
  settings: Settings | null;
  load: () => Promise<void>;
  /** Sends an update and resolves to the saved settings, or rejects with the host's ApiError. */
  save: (update: SettingsUpdate) => Promise<Settings>;
}

/** The user's settings as the host stored them. Saving applies the theme and refreshes the counts. */
export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,

  load: async () => {
    try {
      const settings = await currentApi().getSettings({});
      set({ settings });
      applyTheme(settings.theme);
    } catch (error) {
      reportError(error);
    }
  },

  save: async (update) => {
    const settings = await currentApi().updateSettings(update);
    set({ settings });
    applyTheme(settings.theme);

    // Limits and steps change today's queue: Home reloads its counts, and a
    // session in progress starts over with the new queue when reopened.
    useReviewStore.getState().reset();
    void useHomeStore.getState().load();
    return settings;
  },
}));

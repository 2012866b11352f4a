import { create } from 'zustand';
import type { HomeView } from '../../core/api/views.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';

interface HomeState {
  home: HomeView | null;
  loading: boolean;
  load: () => Promise<void>;
}

/** The Home overview: per-deck counts, totals and today's progress. */
export const useHomeStore = create<HomeState>((set) => ({
  home: null,
  loading: false,
  load: async () => {
    set({ loading: true });
    try {
      set({ home: await currentApi().getHome({}) });
    } catch (error) {
      reportError(error);
    } finally {
      set({ loading: false });
    }
  },
}));

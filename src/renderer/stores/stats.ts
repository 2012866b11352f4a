import { create } from 'zustand';
import type { StatsView } from '../../core/api/contract.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';

export type RangeDays = 30 | 90 | 365;

interface StatsState {
  view: StatsView | null;
  rangeDays: RangeDays;
  loading: boolean;
  /** Loads the statistics for a range of the per-day charts, the current one by default. */
  load: (rangeDays?: RangeDays) => Promise<void>;
}

/** The Statistics screen's data: one view from the host, reloaded when the range changes. */
export const useStatsStore = create<StatsState>((set, get) => ({
  view: null,
  rangeDays: 30,
  loading: false,
  load: async (rangeDays = get().rangeDays) => {
    set({ loading: true, rangeDays });
    try {
      const view = await currentApi().getStats({ rangeDays });
      // A slower answer for an older range must not replace a newer one.
      if (get().rangeDays === rangeDays) set({ view });
    } catch (error) {
      reportError(error);
    } finally {
      set({ loading: false });
    }
  },
}));

import { create } from 'zustand';
import type { BrowseCardDetail, BrowseFilters, BrowsePage, BrowseRow, BrowseState } from '../../core/api/contract.js';
import type { Family } from '../../core/decks/schema.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';

export interface BrowseFilterValues {
  families: Family[];
  deckIds: string[];
  kinds: ('basic' | 'interview')[];
  states: BrowseState[];
  search: string;
}

interface BrowseStoreState {
  filters: BrowseFilterValues;
  page: number;
  decks: BrowseFilters['decks'] | null;
  result: BrowsePage | null;
  selectedId: string | null;
  detail: BrowseCardDetail | null;
  /** Increases each time a card is opened by keyboard, so the detail pane takes focus. */
  focusRequest: number;
  /** Message about the last action, for the polite status line. */
  status: string;
  busy: boolean;
  start: () => Promise<void>;
  setFilters: (update: Partial<BrowseFilterValues>) => Promise<void>;
  goToPage: (page: number) => Promise<void>;
  move: (delta: number) => void;
  select: (cardId: string) => void;
  open: (cardId: string | null, focus: boolean) => Promise<void>;
  toggleSuspend: () => Promise<void>;
  reset: () => void;
}

const EMPTY_FILTERS: BrowseFilterValues = { families: [], deckIds: [], kinds: [], states: [], search: '' };

const initial = {
  filters: EMPTY_FILTERS,
  page: 0,
  decks: null,
  result: null,
  selectedId: null,
  detail: null,
  focusRequest: 0,
  status: '',
  busy: false,
};

function selectedRow(state: { result: BrowsePage | null; selectedId: string | null }): BrowseRow | null {
  return state.result?.rows.find((row) => row.id === state.selectedId) ?? null;
}

/** The Browse screen: filters, the current page of cards, the selection and the opened card. */
export const useBrowseStore = create<BrowseStoreState>((set, get) => {
  // Typing sends a request per pause; only the latest one may update the list.
  let latestList = 0;

  async function loadList(): Promise<void> {
    const ticket = ++latestList;
    const { filters, page } = get();
    try {
      const result = await currentApi().browseCards({ ...filters, page });
      if (ticket !== latestList) return;
      // A suspend under a state filter can empty the last page: show the new last page instead.
      if (result.rows.length === 0 && result.total > 0 && page > 0) {
        set({ page: Math.ceil(result.total / result.pageSize) - 1 });
        return loadList();
      }
      const keep = result.rows.some((row) => row.id === get().selectedId);
      set({ result, selectedId: keep ? get().selectedId : (result.rows[0]?.id ?? null) });
    } catch (error) {
      if (ticket === latestList) reportError(error);
    }
  }

  async function loadDetail(cardId: string): Promise<boolean> {
    try {
      const detail = await currentApi().getBrowseCard({ cardId });
      if (get().selectedId === cardId || get().detail?.card.id === cardId) set({ detail });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }

  return {
    ...initial,

    start: async () => {
      const decks = currentApi()
        .getBrowseFilters({})
        .then((filters) => set({ decks: filters.decks }))
        .catch(reportError);
      const opened = get().detail?.card.id;
      await Promise.all([decks, loadList(), opened === undefined ? null : loadDetail(opened)]);
    },

    setFilters: async (update) => {
      set({ filters: { ...get().filters, ...update }, page: 0 });
      await loadList();
    },

    goToPage: async (page) => {
      set({ page });
      await loadList();
    },

    move: (delta) => {
      const rows = get().result?.rows ?? [];
      if (rows.length === 0) return;
      const index = rows.findIndex((row) => row.id === get().selectedId);
      const next = Math.min(rows.length - 1, Math.max(0, index + delta));
      set({ selectedId: rows[next]!.id });
    },

    select: (cardId) => set({ selectedId: cardId }),

    open: async (cardId, focus) => {
      const target = cardId ?? get().selectedId;
      if (target === null) return;
      set({ selectedId: target });
      if (await loadDetail(target)) {
        if (focus) set({ focusRequest: get().focusRequest + 1 });
      }
    },

    toggleSuspend: async () => {
      const row = selectedRow(get());
      if (row === null || get().busy) return;
      set({ busy: true });
      try {
        const suspended = !row.suspended;
        await currentApi().setCardsSuspended({ cardIds: [row.id], suspended });
        set({ status: `${suspended ? 'Suspended' : 'Unsuspended'}: ${row.question}` });
        await loadList();
        if (get().detail?.card.id === row.id) await loadDetail(row.id);
      } catch (error) {
        reportError(error);
      } finally {
        set({ busy: false });
      }
    },

    reset: () => {
      latestList += 1;
      set(initial);
    },
  };
});

/** The row under the selection, or null. */
export function useSelectedRow(): BrowseRow | null {
  return useBrowseStore((state) => selectedRow(state));
}

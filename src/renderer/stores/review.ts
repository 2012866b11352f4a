import { create } from 'zustand';
import type { StudyStep } from '../../core/api/views.js';
import { currentApi } from './api.js';
import { reportError, useErrorStore } from './errors.js';
import { newRequestId } from './requestId.js';

/** The server rejects longer durations, so a card left open overnight counts as one day. */
const MAX_DURATION_MS = 86_400_000;

type Rating = 1 | 2 | 3 | 4;

interface ReviewState {
  /** The deck being studied, or null for all decks. */
  deckId: string | null;
  step: StudyStep | null;
  revealed: boolean;
  /** When the current card appeared, for the answer's duration. */
  shownAt: number;
  /** The id every attempt to answer the current card sends, so a retry is recorded once. */
  requestId: string;
  /** True while a request is out: no second answer or undo starts meanwhile. */
  busy: boolean;
  start: (deckId: string | null) => Promise<void>;
  reveal: () => void;
  answer: (rating: Rating) => Promise<void>;
  undo: () => Promise<void>;
  reset: () => void;
}

const initial = {
  deckId: null,
  step: null,
  revealed: false,
  shownAt: 0,
  requestId: '',
  busy: false,
};

function showStep(step: StudyStep) {
  return { step, revealed: false, shownAt: Date.now(), requestId: newRequestId() };
}

/** One review session: the current card, whether its answer shows, and the answer in flight. */
export const useReviewStore = create<ReviewState>((set, get) => {
  async function run(request: () => Promise<StudyStep>): Promise<void> {
    if (get().busy) return;
    set({ busy: true });
    try {
      set(showStep(await request()));
      // The banner's error came from an earlier attempt that this one replaced.
      useErrorStore.getState().dismiss();
    } catch (error) {
      reportError(error);
    } finally {
      set({ busy: false });
    }
  }

  return {
    ...initial,

    start: async (deckId) => {
      set({ ...initial, deckId });
      await run(() => currentApi().getStudyStep({ deckId }));
    },

    reveal: () => {
      if (get().step?.card) set({ revealed: true });
    },

    answer: async (rating) => {
      const { step, revealed, deckId, requestId, shownAt } = get();
      const card = step?.card;
      if (!card || !revealed) return;
      const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(Date.now() - shownAt)));
      await run(() => currentApi().answerCard({ deckId, cardId: card.id, rating, requestId, durationMs }));
    },

    undo: async () => {
      const { step, deckId } = get();
      if (!step?.canUndo) return;
      await run(() => currentApi().undoAnswer({ deckId }));
    },

    reset: () => set(initial),
  };
});

import { create } from 'zustand';
import { toApiError } from '../api/ApiError.js';

interface ErrorState {
  message: string | null;
  show: (error: unknown) => void;
  dismiss: () => void;
}

/** The one error the banner shows. A newer error replaces an older one. */
export const useErrorStore = create<ErrorState>((set) => ({
  message: null,
  show: (error) => set({ message: toApiError(error).message }),
  dismiss: () => set({ message: null }),
}));

/** Shows `error` in the banner, for store actions that catch it and continue. */
export function reportError(error: unknown): void {
  useErrorStore.getState().show(error);
}

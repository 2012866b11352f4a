import { create } from 'zustand';
import type { AppApi } from '../../core/api/contract.js';

interface ApiState {
  api: AppApi | null;
}

/** The transport every store calls. main.tsx sets the real one, and tests inject a fake. */
export const useApiStore = create<ApiState>(() => ({ api: null }));

/** Returns the current AppApi, or throws when start-up has not set one. */
export function currentApi(): AppApi {
  const { api } = useApiStore.getState();
  if (api === null) throw new Error('No AppApi is set; call useApiStore.setState({ api }) at start-up.');
  return api;
}

import { create } from 'zustand';

export type Screen = 'home' | 'review' | 'browse' | 'interview' | 'stats' | 'settings';

interface NavigationState {
  screen: Screen;
  go: (screen: Screen) => void;
}

/** The screen on display. The app has no URLs to route, so a store is enough. */
export const useNavigation = create<NavigationState>((set) => ({
  screen: 'home',
  go: (screen) => set({ screen }),
}));

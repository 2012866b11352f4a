import type { Settings } from '../core/settings/schema.js';

type ThemeSetting = Settings['theme'];

const DARK_QUERY = '(prefers-color-scheme: dark)';

let current: ThemeSetting = 'system';
let listening = false;

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function render(): void {
  const dark = current === 'dark' || (current === 'system' && systemPrefersDark());
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.themeSetting = current;
}

/**
 * Applies a theme setting to <html> as `data-theme="light|dark"`. For
 * "system" it follows prefers-color-scheme, also when the OS switches later.
 */
export function applyTheme(theme: ThemeSetting): void {
  current = theme;
  if (!listening && typeof window.matchMedia === 'function') {
    window.matchMedia(DARK_QUERY).addEventListener('change', render);
    listening = true;
  }
  render();
}

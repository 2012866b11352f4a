import { useEffect } from 'react';
import { isTextEntry } from '../../keyboard.js';
import { useBrowseStore } from '../../stores/browse.js';
import { SEARCH_INPUT_ID } from './BrowseFilters.js';

const MOVES: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary') !== null;
}

function handleKey(event: KeyboardEvent): void {
  // Checkboxes take no text, so the list's letter shortcuts still work right after a filter is ticked.
  if (event.defaultPrevented || isTextEntry(event.target)) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const browse = useBrowseStore.getState();

  if (event.key === '/') {
    event.preventDefault();
    document.getElementById(SEARCH_INPUT_ID)?.focus();
    return;
  }
  const move = MOVES[event.key];
  if (move !== undefined) {
    // Also keeps the arrow keys from scrolling the page.
    event.preventDefault();
    browse.move(move);
    return;
  }
  // Enter on a focused button or link activates that control, as everywhere else.
  if (event.key === 'Enter' && !isControl(event.target)) {
    event.preventDefault();
    void browse.open(null, true);
    return;
  }
  if (event.key.toLowerCase() === 's' && !event.repeat) {
    event.preventDefault();
    void browse.toggleSuspend();
  }
}

/** Binds the Browse shortcuts while the screen is shown: arrows or j k, Enter, / and s. */
export function useBrowseKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
}

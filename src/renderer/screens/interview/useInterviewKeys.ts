import { useEffect } from 'react';
import { isTextEntry } from '../../keyboard.js';
import { useInterviewStore } from '../../stores/interview.js';

const RATING_KEYS: Record<string, 1 | 2 | 3 | 4> = { '1': 1, '2': 2, '3': 3, '4': 4 };

function isSubmit(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === 'Enter';
}

function handleKey(event: KeyboardEvent): void {
  if (event.repeat || event.defaultPrevented) return;
  const store = useInterviewStore.getState();
  const step = store.page === 'session' ? store.session?.step : undefined;

  // Ctrl+Enter works inside the answer box too: it is how a typed answer is handed in.
  if (isSubmit(event)) {
    if (step?.kind === 'answer' && store.timer?.runningSince !== null) {
      event.preventDefault();
      void store.closePrompt('next');
    } else if (step?.kind === 'review') {
      event.preventDefault();
      void store.confirmScore();
    }
    return;
  }
  if (step?.kind !== 'review' || isTextEntry(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  const rating = RATING_KEYS[event.key];
  if (rating !== undefined) {
    event.preventDefault();
    store.chooseRating(rating);
  }
}

/** Binds the interview shortcuts: Ctrl+Enter (or Cmd+Enter) hands in an answer or confirms a score, 1–4 pick a score. */
export function useInterviewKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
}

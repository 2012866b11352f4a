import { useEffect } from 'react';
import { isTextEntry } from '../../keyboard.js';
import { useReviewStore } from '../../stores/review.js';

const RATING_KEYS: Record<string, 1 | 2 | 3 | 4> = { '1': 1, '2': 2, '3': 3, '4': 4 };

function isUndo(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z';
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary, [role="button"]') !== null;
}

function handleKey(event: KeyboardEvent): void {
  // A held key repeats, and one press must never answer two cards.
  if (event.repeat || event.defaultPrevented || isTextEntry(event.target)) return;
  const review = useReviewStore.getState();

  if (isUndo(event)) {
    event.preventDefault();
    void review.undo();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;

  // Space on a focused button or link activates that control, as everywhere else.
  if (event.key === ' ' && !review.revealed && !isControl(event.target)) {
    // Also keeps Space from scrolling the page.
    event.preventDefault();
    review.reveal();
    return;
  }
  const rating = RATING_KEYS[event.key];
  if (rating !== undefined && review.revealed) {
    event.preventDefault();
    void review.answer(rating);
  }
}

/** Binds the review shortcuts while the review screen is shown: Space, 1–4, Ctrl+Z or Cmd+Z. */
export function useReviewKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
}

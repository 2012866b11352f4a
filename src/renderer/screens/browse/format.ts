import type { BrowseRow, BrowseState } from '../../../core/api/contract.js';

const UNITS: [Intl.RelativeTimeFormatUnit & ('day' | 'hour' | 'minute'), number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export const STATE_LABELS: Record<BrowseState, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
};

export const KIND_LABELS = { basic: 'Flashcards', interview: 'Interview prompts' } as const;

/** Returns the largest unit that fits `ms` and the rounded amount of it, at least one minute. */
function largestUnit(ms: number): { unit: 'day' | 'hour' | 'minute'; amount: number } {
  for (const [unit, size] of UNITS) {
    if (ms >= size) return { unit, amount: Math.round(ms / size) };
  }
  return { unit: 'minute', amount: 1 };
}

/** Formats when a card is due as the list shows it: "new", "in 3 days", "overdue 2 days" or "due now". */
export function formatDue(due: number | null, now: number): string {
  if (due === null) return 'new';
  const delta = due - now;
  if (Math.abs(delta) < 60_000) return 'due now';
  const { unit, amount } = largestUnit(Math.abs(delta));
  if (delta > 0) return new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }).format(amount, unit);
  const length = new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
  return `overdue ${length}`;
}

/** Formats a time span such as an interval after an answer: "10 minutes", "4 days". */
export function formatSpan(ms: number): string {
  const { unit, amount } = largestUnit(Math.max(0, ms));
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** Formats retrievability as a whole percentage, or an em dash for a card never studied. */
export function formatRetrievability(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** The kind column: "Flashcard", or "Prompt · rapid" with the interview style. */
export function formatKind(row: Pick<BrowseRow, 'kind' | 'style'>): string {
  if (row.kind === 'basic') return 'Flashcard';
  return row.style === null ? 'Prompt' : `Prompt · ${row.style}`;
}

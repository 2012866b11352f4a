import type { ReadinessRow } from '../api/stats.js';
import type { Family } from '../decks/schema.js';

/**
 * Buckets of the retrievability histogram: twenty steps of 5 %, fine enough to
 * separate cards kept on schedule, which mostly sit above 80 %.
 */
export const RETRIEVABILITY_BUCKETS = 20;

/** Cards of one family or deck in the daily review, and the retrievability of those studied. */
export interface Tally {
  cards: number;
  seen: number;
  retrievabilitySum: number;
}

export function emptyTally(): Tally {
  return { cards: 0, seen: 0, retrievabilitySum: 0 };
}

/** Counts one card; `retrievability` is null for a card never studied. */
export function addToTally(tally: Tally, retrievability: number | null): void {
  tally.cards += 1;
  if (retrievability === null) return;
  tally.seen += 1;
  tally.retrievabilitySum += retrievability;
}

/** Turns one tally into a readiness row: mean retrievability of the seen cards and the share never seen. */
export function readinessRow(id: string, title: string, family: Family, tally: Tally): ReadinessRow {
  return {
    id,
    title,
    family,
    cards: tally.cards,
    seen: tally.seen,
    averageRetrievability: tally.seen === 0 ? null : tally.retrievabilitySum / tally.seen,
    neverSeenShare: tally.cards === 0 ? 0 : (tally.cards - tally.seen) / tally.cards,
  };
}

import type { ReadinessRow } from '../api/stats.js';
import type { Family } from '../decks/schema.js';
import type { CardReadinessRow } from '../../db/repositories/stats.js';
import type { Scheduler } from '../scheduling/fsrs.js';

/**
 * Buckets of the retrievability histogram: twenty steps of 5 %, fine enough to
 * separate cards kept on schedule, which mostly sit above 80 %.
 */
export const RETRIEVABILITY_BUCKETS = 20;

interface Tally {
  cards: number;
  seen: number;
  retrievabilitySum: number;
}

export interface ReadinessResult {
  byFamily: Map<string, Tally>;
  byDeck: Map<string, Tally & { family: string }>;
  retrievabilityHistogram: number[];
}

function add(tally: Tally, retrievability: number | null): void {
  tally.cards += 1;
  if (retrievability === null) return;
  tally.seen += 1;
  tally.retrievabilitySum += retrievability;
}

/**
 * Walks every active card once and computes its current retrievability through
 * the scheduler, the one module that computes the forgetting curve. New cards have
 * no memory yet, so they count as never seen instead of as 0 %.
 */
export function tallyReadiness(
  rows: Iterable<CardReadinessRow>,
  scheduler: Scheduler,
  now: number,
): ReadinessResult {
  const byFamily = new Map<string, Tally>();
  const byDeck = new Map<string, Tally & { family: string }>();
  const retrievabilityHistogram = new Array<number>(RETRIEVABILITY_BUCKETS).fill(0);

  for (const row of rows) {
    const seen = row.state.state > 0 && row.state.lastReview !== null;
    const retrievability = seen ? scheduler.retrievability(row.state, now) : null;
    if (retrievability !== null) {
      const bucket = Math.min(RETRIEVABILITY_BUCKETS - 1, Math.floor(retrievability * RETRIEVABILITY_BUCKETS));
      retrievabilityHistogram[bucket]! += 1;
    }

    let family = byFamily.get(row.family);
    if (!family) byFamily.set(row.family, (family = { cards: 0, seen: 0, retrievabilitySum: 0 }));
    add(family, retrievability);

    let deck = byDeck.get(row.deckId);
    if (!deck) byDeck.set(row.deckId, (deck = { cards: 0, seen: 0, retrievabilitySum: 0, family: row.family }));
    add(deck, retrievability);
  }
  return { byFamily, byDeck, retrievabilityHistogram };
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

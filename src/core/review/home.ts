import type { DeckSummary, HomeView } from '../api/views.js';
import { currentMoment, type CoreContext } from '../context.js';
import type { Family } from '../decks/schema.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { LEARN_AHEAD_MS, nextAvailableAt, remainingLimits } from './queue.js';

/** Builds Home: every deck with today's counts, within the daily limits. */
export function getHome(context: CoreContext): HomeView {
  const moment = currentMoment(context);
  const { repositories } = context;
  const limits = remainingLimits(context, moment);
  const counts = new Map(repositories.queue.deckCounts(moment.now + LEARN_AHEAD_MS, moment.dayEnd).map((row) => [row.deckId, row]));
  const prompts = repositories.queue.interviewPromptsPerDeck();
  const decks: DeckSummary[] = repositories.decks.list().map((deck) => {
    const row = counts.get(deck.id);
    return {
      id: deck.id,
      title: deck.title,
      description: deck.description,
      family: deck.family as Family,
      source: deck.source,
      counts: {
        learning: row?.learning ?? 0,
        review: Math.min(row?.review ?? 0, limits.reviews),
        new: Math.min(row?.new ?? 0, limits.newCards),
      },
      total: row?.total ?? 0,
      interviewPrompts: prompts.get(deck.id) ?? 0,
    };
  });
  const sum = (key: 'learning' | 'review' | 'new') => [...counts.values()].reduce((total, row) => total + row[key], 0);
  const totals = { learning: sum('learning'), review: Math.min(sum('review'), limits.reviews), new: Math.min(sum('new'), limits.newCards) };
  return {
    studyDay: formatStudyDay(moment.studyDay),
    decks,
    totals,
    reviewedToday: repositories.reviews.countsOfDay(moment.studyDay).answers,
    interviewsDue: repositories.queue.interviewsDue(moment.dayEnd),
    nextDueAt: nextAvailableAt(context, moment, null),
  };
}

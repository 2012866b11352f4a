import type { DayTotalsRow } from '../../db/repositories/stats.js';
import type { ReadinessRow, StatsView } from '../api/stats.js';
import type { CoreContext, Moment } from '../context.js';
import { queueCounts } from '../review/queue.js';
import { studyDayBounds, formatStudyDay } from '../scheduling/studyDay.js';
import { fillDays, retentionOf, weeklyRetention, type WeekRetention } from './activity.js';
import { FAMILY_ORDER, FAMILY_TITLES, isFamily } from './families.js';
import { tallyCards, type CardTallies, type DueCounts, type DueWindow } from './cards.js';
import { readinessRow } from './readiness.js';
import { currentStreak, longestStreak } from './streak.js';

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RETENTION_WEEKS = 26;

/** Everything the screen, the charts and the report draw from, gathered at one moment. */
export interface StatsData extends Omit<StatsView, 'charts'> {
  today: StatsView['today'];
  /** The current study day as a day number. */
  lastDay: number;
  /** One row per study day of the last 365, oldest first. */
  yearDays: DayTotalsRow[];
  forecast: (DueCounts & { index: number; studyDay: number })[];
  weeks: WeekRetention[];
  /** Counts per bucket; see cards.ts for the buckets. */
  stability: number[];
  difficulty: number[];
  retrievability: number[];
}

/** Study-day windows of the forecast; the first starts at 0 so overdue cards count for today. */
function forecastWindows(context: CoreContext, moment: Moment): DueWindow[] {
  const timeZone = context.timeZone();
  return Array.from({ length: FORECAST_DAYS }, (_, index) => {
    const bounds = studyDayBounds(moment.studyDay + index, timeZone, moment.settings.dayStartHour);
    return { start: index === 0 ? 0 : bounds.start, end: bounds.end };
  });
}

function readiness(context: CoreContext, tallies: CardTallies) {
  const families: ReadinessRow[] = [];
  for (const family of FAMILY_ORDER) {
    const tally = tallies.byFamily.get(family);
    if (tally && tally.cards > 0) families.push(readinessRow(family, FAMILY_TITLES[family], family, tally));
  }
  const decks: ReadinessRow[] = [];
  for (const deck of context.repositories.decks.list()) {
    const tally = tallies.byDeck.get(deck.id);
    if (!tally || tally.cards === 0) continue;
    // A deck belongs to the family it declares. A card of another family in it also counts for its own family.
    const family = isFamily(deck.family) ? deck.family : tally.family;
    if (isFamily(family)) decks.push(readinessRow(deck.id, deck.title, family, tally));
  }
  return { families, decks };
}

/** Gathers every statistic at one moment: per-day sums kept by the database, then one pass over the cards. */
export function collectStats(context: CoreContext, moment: Moment, rangeDays: number): StatsData {
  const stats = context.repositories.stats;
  const lastDay = moment.studyDay;
  const firstDay = lastDay - HEATMAP_DAYS + 1;
  const yearDays = fillDays(stats.daysBetween(firstDay, lastDay), firstDay, lastDay);
  const today = yearDays[yearDays.length - 1]!;
  const cards = tallyCards(stats.cardStats(), moment.scheduler, moment.now, forecastWindows(context, moment));
  const { families, decks } = readiness(context, cards);

  return {
    studyDay: formatStudyDay(lastDay),
    generatedAt: moment.now,
    rangeDays,
    desiredRetention: moment.settings.desiredRetention,
    today: {
      answers: today.answers,
      durationMs: today.durationMs,
      left: queueCounts(context, moment, null),
      streak: currentStreak(stats.iterateStudyDaysBefore(lastDay), lastDay),
      longestStreak: longestStreak(stats.iterateStudyDays()),
    },
    totals: stats.totals(),
    recentRetention: retentionOf(yearDays.slice(-30)),
    states: cards.states,
    families,
    decks,
    interviews: stats.interviewTrend(),
    lastDay,
    yearDays,
    forecast: cards.forecast.map((day, index) => ({ ...day, index, studyDay: lastDay + index })),
    weeks: weeklyRetention(yearDays, lastDay, RETENTION_WEEKS),
    stability: cards.stability,
    difficulty: cards.difficulty,
    retrievability: cards.retrievability,
  };
}

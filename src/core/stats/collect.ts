import type { DayTotalsRow, ForecastRow } from '../../db/repositories/stats.js';
import { STABILITY_BOUNDS } from '../../db/repositories/stats.js';
import type { ReadinessRow, StateCounts, StatsView } from '../api/stats.js';
import type { CoreContext, Moment } from '../context.js';
import { queueCounts } from '../review/queue.js';
import { studyDayBounds, formatStudyDay } from '../scheduling/studyDay.js';
import { fillDays, retentionOf, weeklyRetention, type WeekRetention } from './activity.js';
import { FAMILY_ORDER, FAMILY_TITLES, isFamily } from './families.js';
import { readinessRow, tallyReadiness } from './readiness.js';
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
  forecast: (ForecastRow & { studyDay: number })[];
  weeks: WeekRetention[];
  /** Counts per bucket; stability buckets follow STABILITY_BOUNDS, difficulty buckets are 1–2 … 9–10. */
  stability: number[];
  difficulty: number[];
  retrievability: number[];
}

function histogram(rows: { bucket: number; count: number }[], size: number, offset = 0): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const row of rows) {
    const index = row.bucket - offset;
    if (index >= 0 && index < size) counts[index] = row.count;
  }
  return counts;
}

function countStates(context: CoreContext): StateCounts {
  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  const names = ['new', 'learning', 'review', 'relearning'] as const;
  for (const row of context.repositories.stats.stateCounts()) {
    if (row.suspended === 1) counts.suspended += row.count;
    else counts[names[row.state] ?? 'new'] += row.count;
  }
  return counts;
}

/** Study-day windows of the forecast; the first starts at 0 so overdue cards count for today. */
function forecastWindows(context: CoreContext, moment: Moment) {
  const timeZone = context.timeZone();
  return Array.from({ length: FORECAST_DAYS }, (_, index) => {
    const studyDay = moment.studyDay + index;
    const bounds = studyDayBounds(studyDay, timeZone, moment.settings.dayStartHour);
    return { index, start: index === 0 ? 0 : bounds.start, end: bounds.end };
  });
}

function readiness(context: CoreContext, moment: Moment) {
  const tallies = tallyReadiness(context.repositories.stats.iterateReadiness(), moment.scheduler, moment.now);
  const families: ReadinessRow[] = FAMILY_ORDER.filter((family) => tallies.byFamily.has(family)).map((family) =>
    readinessRow(family, FAMILY_TITLES[family], family, tallies.byFamily.get(family)!),
  );
  const decks: ReadinessRow[] = [];
  for (const deck of context.repositories.decks.list()) {
    const tally = tallies.byDeck.get(deck.id);
    const family = tally?.family ?? deck.family;
    if (tally && isFamily(family)) decks.push(readinessRow(deck.id, deck.title, family, tally));
  }
  return { families, decks, retrievability: tallies.retrievabilityHistogram };
}

/** Gathers every statistic at one moment: sums in SQL, retrievability through the scheduler. */
export function collectStats(context: CoreContext, moment: Moment, rangeDays: number): StatsData {
  const stats = context.repositories.stats;
  const lastDay = moment.studyDay;
  const firstDay = lastDay - HEATMAP_DAYS + 1;
  const yearDays = fillDays(stats.daysBetween(firstDay, lastDay), firstDay, lastDay);
  const today = yearDays[yearDays.length - 1]!;
  const { families, decks, retrievability } = readiness(context, moment);

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
    states: countStates(context),
    families,
    decks,
    interviews: stats.interviewTrend(),
    lastDay,
    yearDays,
    forecast: stats
      .forecast(forecastWindows(context, moment))
      .map((row) => ({ ...row, studyDay: lastDay + row.index })),
    weeks: weeklyRetention(yearDays, lastDay, RETENTION_WEEKS),
    stability: histogram(stats.stabilityHistogram(), STABILITY_BOUNDS.length),
    difficulty: histogram(stats.difficultyHistogram(), 9, 1),
    retrievability,
  };
}

import type { StatsRequest, StatsView } from '../api/stats.js';
import { currentMoment, type CoreContext } from '../context.js';
import { buildCharts } from './charts/index.js';
import { collectStats, type StatsData } from './collect.js';

/** Builds the Statistics screen: every figure and chart at one moment. */
export function getStats(context: CoreContext, request: StatsRequest): StatsView {
  const data = collectStats(context, currentMoment(context), request.rangeDays);
  return toView(data);
}

/** Drops the internal series and adds the charts drawn from them. */
export function toView(data: StatsData): StatsView {
  return {
    studyDay: data.studyDay,
    generatedAt: data.generatedAt,
    rangeDays: data.rangeDays,
    desiredRetention: data.desiredRetention,
    today: data.today,
    totals: data.totals,
    recentRetention: data.recentRetention,
    states: data.states,
    families: data.families,
    decks: data.decks,
    interviews: data.interviews,
    charts: buildCharts(data),
  };
}

import type { StatsView } from '../../api/stats.js';
import type { StatsData } from '../collect.js';
import { activityChart, forecastChart, minutesChart, reviewsChart } from './activityCharts.js';
import {
  difficultyChart,
  retentionChart,
  retrievabilityChart,
  stabilityChart,
  statesChart,
} from './memoryCharts.js';
import { interviewsChart, readinessChart } from './readinessCharts.js';

/** Draws every chart of the Statistics screen and the report from one set of statistics. */
export function buildCharts(data: StatsData): StatsView['charts'] {
  const rangeDays = data.yearDays.slice(-data.rangeDays);
  return {
    activity: activityChart(data),
    reviews: reviewsChart(data, rangeDays),
    minutes: minutesChart(data, rangeDays),
    forecast: forecastChart(data),
    retention: retentionChart(data),
    states: statesChart(data),
    stability: stabilityChart(data),
    difficulty: difficultyChart(data),
    retrievability: retrievabilityChart(data),
    readiness: readinessChart(data),
    interviews: interviewsChart(data),
  };
}

import type { ChartView } from '../../api/stats.js';
import { STABILITY_BOUNDS } from '../cards.js';
import type { StatsData } from '../collect.js';
import { RETRIEVABILITY_BUCKETS } from '../readiness.js';
import { stackedBars } from './bars.js';
import { plural, SMALL, WIDE } from './common.js';
import { proportionBar } from './hbars.js';
import { lineChart } from './lines.js';
import { formatPercent, formatShortDay } from './scale.js';

/** Returns the retention axis: from a round tenth below the lowest week (and the target) up to 100 %. */
function retentionTicks(values: (number | null)[], target: number): number[] {
  const lowest = Math.min(target, ...values.filter((value): value is number => value !== null));
  const minimum = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
  const step = minimum <= 0.4 ? 0.2 : 0.1;
  const ticks: number[] = [];
  for (let tick = minimum; tick <= 1.0001; tick += step) ticks.push(Math.round(tick * 10) / 10);
  return ticks;
}

/** Draws true retention per week against the desired retention. */
export function retentionChart(data: StatsData): ChartView {
  const values = data.weeks.map((week) => (week.reviewCards === 0 ? null : week.passed / week.reviewCards));
  const ticks = retentionTicks(values, data.desiredRetention);
  const title = `True retention per week, last ${data.weeks.length} weeks`;
  const recent =
    data.recentRetention === null
      ? 'no reviews of mature cards yet'
      : `${formatPercent(data.recentRetention, 1)} over the last 30 days`;
  const target = formatPercent(data.desiredRetention);
  const summary = `Share of review cards answered Hard, Good or Easy: ${recent}, against a target of ${target}.`;
  const tooltips = data.weeks.map((week, index) => {
    const value = values[index];
    const text =
      value === null || value === undefined ? 'no reviews' : `${formatPercent(value, 1)} of ${week.reviewCards}`;
    return `Week from ${formatShortDay(week.start)}: ${text}`;
  });
  const svg = lineChart({
    label: `${title}. ${summary}`,
    frame: WIDE,
    series: [{ name: 'Retention', className: 'chart-retention', values, tooltips }],
    minimum: ticks[0]!,
    maximum: 1,
    ticks,
    formatValue: (value) => formatPercent(value),
    xTicks: data.weeks.flatMap((week, index) => {
      return index % 4 === 0 ? [{ index, label: formatShortDay(week.start) }] : [];
    }),
    target: { value: data.desiredRetention, label: `Target ${target}` },
    emptyMessage: 'Retention appears once cards reach the review state',
  });
  return { title, summary, svg };
}

/** Draws the share of cards in each state as one split bar. */
export function statesChart(data: StatsData): ChartView {
  const { states } = data;
  const title = 'Cards by state';
  const summary =
    `${states.new} new, ${states.learning} learning, ${states.review} review, ` +
    `${states.relearning} relearning, ${states.suspended} suspended.`;
  const svg = proportionBar(`${title}: ${summary}`, [
    { label: 'New', className: 'chart-new', value: states.new },
    { label: 'Learning', className: 'chart-learning', value: states.learning },
    { label: 'Review', className: 'chart-review', value: states.review },
    { label: 'Relearning', className: 'chart-relearning', value: states.relearning },
    { label: 'Suspended', className: 'chart-suspended', value: states.suspended },
  ]);
  return { title, summary, svg };
}

interface HistogramInput {
  title: string;
  noun: string;
  className: string;
  counts: number[];
  /** Axis label of each bucket; every `labelEvery`-th one is drawn. */
  labels: string[];
  labelEvery?: number;
  /** Hover text naming each bucket's range. */
  ranges: string[];
}

function histogramChart(input: HistogramInput): ChartView {
  const { title, counts } = input;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const summary = total === 0 ? `No ${input.noun} yet.` : `${plural(total, 'card')} studied, by ${input.noun}.`;
  const every = input.labelEvery ?? 1;
  const svg = stackedBars({
    label: `${title}. ${summary}`,
    frame: SMALL,
    series: [{ name: title, className: input.className, values: counts }],
    tooltips: input.ranges.map((range, index) => `${range}: ${plural(counts[index] ?? 0, 'card')}`),
    ticks: input.labels.flatMap((label, index) => (index % every === 0 ? [{ index, label }] : [])),
    showLegend: false,
    emptyMessage: 'Nothing studied yet',
  });
  return { title, summary, svg };
}

const STABILITY_NAMES: Record<number, string> = {
  0: '<1d',
  7: '1w',
  14: '2w',
  30: '1m',
  90: '3m',
  180: '6m',
  365: '1y+',
};

/** Draws the stability distribution of studied cards; each bar is labelled with its lower bound. */
export function stabilityChart(data: StatsData): ChartView {
  return histogramChart({
    title: 'Stability',
    noun: 'stability',
    className: 'chart-stability',
    counts: data.stability,
    labels: STABILITY_BOUNDS.map((bound) => STABILITY_NAMES[bound] ?? `${bound}d`),
    ranges: STABILITY_BOUNDS.map((bound, index) => {
      const next = STABILITY_BOUNDS[index + 1];
      return next === undefined ? `Stability ${bound} days or more` : `Stability ${bound} to ${next} days`;
    }),
  });
}

/** Draws the difficulty distribution (FSRS difficulty runs from 1 to 10). */
export function difficultyChart(data: StatsData): ChartView {
  const lower = Array.from({ length: 9 }, (_, index) => index + 1);
  return histogramChart({
    title: 'Difficulty',
    noun: 'difficulty',
    className: 'chart-difficulty',
    counts: data.difficulty,
    labels: lower.map(String),
    ranges: lower.map((value) => `Difficulty ${value} to ${value + 1}`),
  });
}

/** Draws the distribution of current retrievability in steps of 5 %. */
export function retrievabilityChart(data: StatsData): ChartView {
  const lower = Array.from({ length: RETRIEVABILITY_BUCKETS }, (_, index) => index * 5);
  return histogramChart({
    title: 'Current retrievability',
    noun: 'retrievability',
    className: 'chart-retrievability',
    counts: data.retrievability,
    labels: lower.map((value) => `${value}%`),
    labelEvery: 4,
    ranges: lower.map((value) => `Retrievability ${value}% to ${value + 5}%`),
  });
}
